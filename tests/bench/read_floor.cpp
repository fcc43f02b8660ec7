// The file-system floor for loading a spark workspace: list people/, log/<year>/ and
// meetings/<year>/ and read every file fully, on 2 threads (like spark's loader), doing
// nothing with the bytes. spark cannot load its records from the files faster than this.
//
//   read_floor [WORKSPACE] [THREADS]     prints: <files> files, <bytes> bytes
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

void list_files(const fs::path& folder, std::vector<std::string>& out) {
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(folder, ec)) {
        if (item.path().extension() == ".toml") {
            out.push_back(item.path().string());
        }
    }
}

void list_years(const fs::path& top, std::vector<std::string>& out) {
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(top, ec)) {
        if (item.is_directory()) {
            list_files(item.path(), out);
        }
    }
}

// Reads the whole file with plain open/fstat/read (leaner than spark's fopen/fread).
std::size_t read_whole(const std::string& path, std::string& buffer) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        std::fprintf(stderr, "read_floor: %s: %s\n", path.c_str(), std::strerror(errno));
        std::exit(1);
    }
    struct stat st {};
    ::fstat(fd, &st);
    buffer.resize(static_cast<std::size_t>(st.st_size) + 1);
    std::size_t total = 0;
    for (;;) {
        if (total == buffer.size()) {
            buffer.resize(buffer.size() * 2);
        }
        const ssize_t n = ::read(fd, buffer.data() + total, buffer.size() - total);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        total += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return total;
}

} // namespace

int main(int argc, char** argv) {
    const fs::path root = argc > 1 ? argv[1] : ".";
    const unsigned threads = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 2u;
    std::vector<std::string> files;
    list_files(root / "people", files);
    list_years(root / "log", files);
    list_years(root / "meetings", files);
    std::sort(files.begin(), files.end()); // spark sorts its file list too

    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> bytes{0};
    auto worker = [&] {
        std::string buffer;
        std::size_t mine = 0;
        constexpr std::size_t batch = 64;
        for (std::size_t start = next.fetch_add(batch); start < files.size();
             start = next.fetch_add(batch)) {
            for (std::size_t i = start; i < std::min(files.size(), start + batch); ++i) {
                mine += read_whole(files[i], buffer);
            }
        }
        bytes += mine;
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::max(1u, threads); ++t) {
        pool.emplace_back(worker);
    }
    worker();
    for (auto& thread : pool) {
        thread.join();
    }
    std::printf("%zu files, %zu bytes\n", files.size(), bytes.load());
    return 0;
}
