// libFuzzer target: any bytes as .spark/cache/pack. Opening and reading every row must never
// crash. The checksums are sealed over the mutated bytes first (seal_pack_for_tests), so the
// fuzzer gets past them and tries the layout checks and the decoders behind them, as a
// crafted file would.
#include "cache.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace {

int cache_folder() {
    static int fd = [] {
        char pattern[] = "/tmp/spark-fuzz-pack-XXXXXX";
        if (::mkdtemp(pattern) == nullptr) {
            std::abort();
        }
        const int root = ::open(pattern, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        return spark::open_cache_folder(root, true);
    }();
    return fd;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    spark::seal_pack_for_tests(bytes);
    const int folder = cache_folder();
    const int fd = ::openat(folder, "pack", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || ::write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) {
        std::abort();
    }
    ::close(fd);
    const auto pack = spark::RecordPack::open(folder, "pack");
    for (std::uint32_t row = 0; row < pack.size(); ++row) {
        const auto path = pack.path(row);
        const auto stamp = pack.stamp(row);
        if (auto found = pack.find(path, stamp)) {
            for (bool with_text : {false, true}) {
                (void)pack.person(*found, with_text);
                (void)pack.entry(*found, with_text);
                (void)pack.meeting(*found, with_text);
            }
        }
        for (bool with_text : {false, true}) {
            (void)pack.person(row, with_text);
            (void)pack.entry(row, with_text);
            (void)pack.meeting(row, with_text);
        }
    }
    return 0;
}
