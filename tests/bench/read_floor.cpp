// The file-system floors for loading a spark workspace, on 2 threads like spark's loader.
//
//   read_floor [WORKSPACE] [THREADS]
//       list people/, log/<year>/ and meetings/<year>/ and read every file fully, doing
//       nothing with the bytes: the floor for `--no-cache` (every file parsed).
//   read_floor --stat-map FILE [WORKSPACE] [THREADS]
//       list the folders, fstatat(dirfd, name) every file, and map FILE (a file as large as
//       the records) touching every page: what a valid cache physically needs (every stamp
//       checked, the cached records mapped in).
//
// prints: <files> files, <bytes> bytes
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <string_view>
#include <sys/mman.h>
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

// Per folder: one directory read and an fstatat relative to it for each entry, folders
// shared between the threads biggest first.
int stat_and_map(const fs::path& root, unsigned threads, const char* map_file) {
    std::vector<std::string> folders{(root / "people").string()};
    for (const char* top : {"log", "meetings"}) {
        std::error_code ec;
        for (const auto& item : fs::directory_iterator(root / top, ec)) {
            if (item.is_directory()) {
                folders.push_back(item.path().string());
            }
        }
    }
    std::vector<std::pair<std::uintmax_t, std::string>> by_size;
    for (const auto& folder : folders) {
        struct stat st {};
        ::stat(folder.c_str(), &st);
        by_size.emplace_back(static_cast<std::uintmax_t>(st.st_size), folder);
    }
    std::sort(by_size.rbegin(), by_size.rend());
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> files{0};
    auto worker = [&] {
        std::size_t mine = 0;
        for (std::size_t i = next++; i < by_size.size(); i = next++) {
            DIR* dir = ::opendir(by_size[i].second.c_str());
            if (dir == nullptr) {
                continue;
            }
            const int fd = ::dirfd(dir);
            while (const dirent* item = ::readdir(dir)) {
                if (item->d_name[0] == '.') {
                    continue;
                }
                struct stat st {};
                mine += ::fstatat(fd, item->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0;
            }
            ::closedir(dir);
        }
        files += mine;
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::max(1u, threads); ++t) {
        pool.emplace_back(worker);
    }
    const int fd = ::open(map_file, O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        std::fprintf(stderr, "read_floor: %s: %s\n", map_file, std::strerror(errno));
        return 1;
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    void* mapped = size == 0 ? nullptr : ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    unsigned long touched = 0;
    if (mapped != nullptr && mapped != MAP_FAILED) {
        const auto* bytes = static_cast<const volatile unsigned char*>(mapped);
        for (std::size_t at = 0; at < size; at += 4096) {
            touched += bytes[at];
        }
    }
    worker();
    for (auto& thread : pool) {
        thread.join();
    }
    std::printf("%zu files, %zu bytes (%lu)\n", files.load(), size, touched % 2);
    return 0;
}

int main(int argc, char** argv) {
    if (argc > 2 && std::string_view(argv[1]) == "--stat-map") {
        return stat_and_map(argc > 3 ? argv[3] : ".",
                            argc > 4 ? static_cast<unsigned>(std::atoi(argv[4])) : 2u, argv[2]);
    }
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
