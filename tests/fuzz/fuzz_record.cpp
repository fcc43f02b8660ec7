// libFuzzer target: any bytes as a record file. Reading must never crash, and whatever
// reads as a record must write back to bytes that read as the same record, byte-stable.
#include "record_reader.hpp"
#include "record_writer.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

template <typename Read, typename Emit>
void round_trip(std::string_view bytes, Read read, Emit emit) {
    std::vector<spark::Diagnostic> diagnostics;
    auto record = read(bytes, "fuzz.toml", "fuzz-id", diagnostics);
    if (!record) {
        return;
    }
    const std::string written = emit(*record);
    std::vector<spark::Diagnostic> again_diagnostics;
    auto again = read(written, "fuzz.toml", "fuzz-id", again_diagnostics);
    if (!again || !(*again == *record) || emit(*again) != written) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    round_trip(bytes, spark::read_entry, spark::emit_entry);
    round_trip(bytes, spark::read_meeting, spark::emit_meeting);
    round_trip(bytes, spark::read_person, spark::emit_person);
    return 0;
}
