#pragma once

#include <string_view>

namespace spark {

// The shell completion scripts of cmd/completion/, embedded at build time. Each holds the
// line "# @SPARK_TABLES@" where `spark completion` puts the tables of commands, options
// and values.
extern const std::string_view completion_bash;
extern const std::string_view completion_zsh;
extern const std::string_view completion_fish;

} // namespace spark
