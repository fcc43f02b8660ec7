#pragma once

#include <string_view>

namespace spark {

// Crash injection for the crash-safety tests: when SPARK_FAULT names this step, the process
// dies on the spot with SIGKILL, as a power cut or `kill -9` would leave it. Costs one
// getenv per step otherwise.
void fault_point(std::string_view step);

} // namespace spark
