#include "storage.hpp"

#include "error.hpp"
#include "fault.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace spark {

namespace {

[[noreturn]] void fail(std::string_view what, const fs::path& path, int error_number) {
    throw Error(
        fmt::format("cannot {} '{}': {}", what, path.string(), std::strerror(error_number)));
}

constexpr std::string_view temporary_marker = ".tmp-";

std::string random_token() {
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device device;
    std::uniform_int_distribution<int> pick(0, sizeof(alphabet) - 2);
    std::string token;
    for (int i = 0; i < 6; ++i) {
        token += alphabet[pick(device)];
    }
    return token;
}

void fsync_directory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        fail("open folder", dir, errno);
    }
    const int rc = ::fsync(fd);
    const int saved = errno;
    ::close(fd);
    // Some file systems cannot fsync a folder; the data itself is already synced.
    if (rc != 0 && saved != EINVAL && saved != EBADF) {
        fail("sync folder", dir, saved);
    }
}

// The temporary file, removed again unless publish() took it over.
class TemporaryFile {
  public:
    TemporaryFile(const fs::path& dir, std::string_view name) {
        for (int attempt = 0; attempt < 100; ++attempt) {
            path_ = dir / fmt::format(".{}{}{}", name, temporary_marker, random_token());
            fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (fd_ >= 0 || errno != EEXIST) {
                break;
            }
        }
        if (fd_ < 0) {
            fail("create a file in", dir, errno);
        }
        fault_point("temporary-created");
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        if (!path_.empty()) {
            ::unlink(path_.c_str());
        }
    }

    void write_and_sync(std::string_view bytes, const fs::path& final_path) {
        std::size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n < 0) {
                fail("write", final_path, errno);
            }
            done += static_cast<std::size_t>(n);
            fault_point("partly-written");
        }
        if (::fsync(fd_) != 0) {
            fail("write", final_path, errno);
        }
        const int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) {
            fail("write", final_path, errno);
        }
        fault_point("temporary-synced");
    }

    const fs::path& path() const { return path_; }
    void release() { path_.clear(); }

  private:
    fs::path path_;
    int fd_ = -1;
};

// Gives the temporary file its final name unless that name is taken.
bool publish_without_replacing(TemporaryFile& temporary, const fs::path& final_path) {
    if (::renameat2(AT_FDCWD, temporary.path().c_str(), AT_FDCWD, final_path.c_str(),
                    RENAME_NOREPLACE) == 0) {
        temporary.release();
        return true;
    }
    if (errno == EEXIST) {
        return false;
    }
    if (errno != EINVAL && errno != ENOSYS) {
        fail("create", final_path, errno);
    }
    // File systems without RENAME_NOREPLACE: link() refuses an existing name too.
    if (::link(temporary.path().c_str(), final_path.c_str()) != 0) {
        if (errno == EEXIST) {
            return false;
        }
        fail("create", final_path, errno);
    }
    return true; // the destructor unlinks the temporary name
}

} // namespace

std::string read_file(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fail("read", path, errno);
    }
    // Sized from fstat so that a large file (the record cache) is read into place once,
    // without the copies of a growing buffer; pipes and growing files still read to the end.
    struct stat st {};
    std::string bytes;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        bytes.resize(static_cast<std::size_t>(st.st_size) + 1);
    }
    std::size_t used = 0;
    for (;;) {
        if (used == bytes.size()) {
            bytes.resize(std::max<std::size_t>(65536, bytes.size() * 2));
        }
        const ssize_t n = ::read(fd, bytes.data() + used, bytes.size() - used);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            const int saved = errno;
            ::close(fd);
            fail("read", path, saved);
        }
        if (n == 0) {
            break;
        }
        used += static_cast<std::size_t>(n);
    }
    ::close(fd);
    bytes.resize(used);
    return bytes;
}

std::string read_regular_file_at(int dir_fd, const char* relative, std::size_t max_bytes) {
    const int fd = ::openat(dir_fd, relative, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ELOOP) {
            throw Error("is a symbolic link; spark reads only files inside the workspace, "
                        "never through a link");
        }
        throw Error(fmt::format("cannot read: {}", std::strerror(errno)));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw Error("not a regular file; records are plain text files");
    }
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
        ::close(fd);
        throw Error(fmt::format("file is too large ({} bytes; the limit is {})",
                                static_cast<std::uint64_t>(st.st_size), max_bytes));
    }
    // One byte more than the size, to notice a file that grows while it is read.
    std::string bytes(static_cast<std::size_t>(st.st_size) + 1, '\0');
    std::size_t used = 0;
    while (used < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + used, bytes.size() - used);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            const int saved = errno;
            ::close(fd);
            throw Error(fmt::format("cannot read: {}", std::strerror(saved)));
        }
        if (n == 0) {
            break;
        }
        used += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (used > max_bytes) {
        throw Error(fmt::format("file is too large (more than {} bytes)", max_bytes));
    }
    bytes.resize(used);
    return bytes;
}

void make_directories(const fs::path& dir) {
    if (dir.empty() || fs::is_directory(dir)) {
        return;
    }
    make_directories(dir.parent_path());
    if (::mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST) {
        fail("create folder", dir, errno);
    }
    fsync_directory(dir.parent_path().empty() ? fs::path(".") : dir.parent_path());
}

bool write_new_file(const fs::path& dir, std::string_view name, std::string_view bytes) {
    const fs::path final_path = dir / name;
    make_directories(dir);
    TemporaryFile temporary(dir, name);
    temporary.write_and_sync(bytes, final_path);
    if (!publish_without_replacing(temporary, final_path)) {
        return false;
    }
    fault_point("published");
    fsync_directory(dir);
    return true;
}

void replace_file(const fs::path& path, std::string_view bytes) {
    const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    const std::string name = path.filename().string();
    make_directories(dir);
    TemporaryFile temporary(dir, name);
    temporary.write_and_sync(bytes, path);
    if (::rename(temporary.path().c_str(), path.c_str()) != 0) {
        fail("replace", path, errno);
    }
    temporary.release();
    fsync_directory(dir);
}

bool move_file(const fs::path& from, const fs::path& to) {
    const fs::path to_dir = to.parent_path().empty() ? fs::path(".") : to.parent_path();
    make_directories(to_dir);
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) != 0) {
        if (errno == EEXIST) {
            return false;
        }
        if (errno != EINVAL && errno != ENOSYS) {
            fail("move", from, errno);
        }
        // File systems without RENAME_NOREPLACE: look first, then rename. (link + unlink
        // would briefly leave two records, which is worse than this small window.)
        std::error_code ec;
        if (fs::exists(to, ec)) {
            return false;
        }
        if (::rename(from.c_str(), to.c_str()) != 0) {
            fail("move", from, errno);
        }
    }
    fsync_directory(to_dir);
    fsync_directory(from.parent_path().empty() ? fs::path(".") : from.parent_path());
    return true;
}

void remove_file(const fs::path& path) {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
        fail("remove", path, errno);
    }
    fsync_directory(path.parent_path().empty() ? fs::path(".") : path.parent_path());
}

bool is_temporary_file_name(std::string_view file_name) {
    return file_name.size() > 1 && file_name.front() == '.' &&
           file_name.find(temporary_marker) != std::string_view::npos;
}

} // namespace spark
