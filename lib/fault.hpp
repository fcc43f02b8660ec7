#pragma once

#include <string_view>

namespace spark {

// Crash injection for the crash-safety tests: SPARK_FAULT=STEP kills the process with
// SIGKILL the first time it reaches STEP, SPARK_FAULT=STEP:N the N-th time — as a power cut
// or `kill -9` would leave it. Costs one getenv otherwise.
void fault_point(std::string_view step);

} // namespace spark
