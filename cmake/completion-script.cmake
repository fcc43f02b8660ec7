# Writes one completion script by running the built spark (cmake -P, from Packaging.cmake):
#   cmake -DSPARK=path/to/spark -DSHELL_NAME=bash -DOUTPUT=file -P completion-script.cmake
execute_process(
  COMMAND "${SPARK}" completion "${SHELL_NAME}"
  OUTPUT_FILE "${OUTPUT}.tmp"
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  message(FATAL_ERROR "'${SPARK} completion ${SHELL_NAME}' failed: ${status}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
