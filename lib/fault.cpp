#include "fault.hpp"

#include <csignal>
#include <cstdlib>
#include <string>

namespace spark {

void fault_point(std::string_view step) {
    static const char* wanted = std::getenv("SPARK_FAULT");
    static int passes = 0;
    if (wanted == nullptr) {
        return;
    }
    const std::string_view target(wanted);
    const auto colon = target.find(':');
    if (target.substr(0, colon) != step) {
        return;
    }
    const int nth = colon == std::string_view::npos ? 1 : std::atoi(wanted + colon + 1);
    if (++passes == nth) {
        std::raise(SIGKILL);
    }
}

} // namespace spark
