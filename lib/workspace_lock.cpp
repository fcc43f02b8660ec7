#include "workspace_lock.hpp"

#include "error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace spark {

namespace {

// .spark/lock, made if needed (and .spark too when `make_folder`); never through a symbolic
// link. -1 with errno set on failure.
int open_lock_file(const std::filesystem::path& root, bool make_folder) {
    const int root_fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (root_fd < 0) {
        return -1;
    }
    if (make_folder && ::mkdirat(root_fd, ".spark", 0777) != 0 && errno != EEXIST) {
        const int saved = errno;
        ::close(root_fd);
        errno = saved;
        return -1;
    }
    const int spark_fd =
        ::openat(root_fd, ".spark", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    const int saved = errno;
    ::close(root_fd);
    if (spark_fd < 0) {
        errno = saved;
        return -1;
    }
    const int fd = ::openat(spark_fd, "lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
    const int saved_lock = errno;
    ::close(spark_fd);
    errno = saved_lock;
    return fd;
}

bool take(int fd, int operation, const std::function<void()>& on_wait) {
    if (::flock(fd, operation | LOCK_NB) == 0) {
        return true;
    }
    if (errno != EWOULDBLOCK) {
        return false;
    }
    if (on_wait) {
        on_wait();
    }
    while (::flock(fd, operation) != 0) {
        if (errno != EINTR) {
            return false;
        }
    }
    return true;
}

} // namespace

std::unique_ptr<WorkspaceLock> WorkspaceLock::shared(const std::filesystem::path& root,
                                                     bool make_folder) {
    const int fd = open_lock_file(root, make_folder);
    if (fd < 0) {
        return nullptr;
    }
    if (!take(fd, LOCK_SH, {})) {
        ::close(fd);
        return nullptr;
    }
    return std::unique_ptr<WorkspaceLock>(new WorkspaceLock(fd));
}

std::unique_ptr<WorkspaceLock> WorkspaceLock::exclusive(const std::filesystem::path& root,
                                                        std::unique_ptr<WorkspaceLock> held,
                                                        const std::function<void()>& on_wait) {
    int fd = -1;
    if (held) {
        fd = held->fd_;
        held->fd_ = -1;
    } else {
        fd = open_lock_file(root, true);
        if (fd < 0) {
            const bool link = errno == ENOTDIR || errno == ELOOP;
            throw Error(fmt::format(
                "cannot lock the workspace ('.spark/lock'): {}; people merge and forget need "
                "the lock so that no other spark command runs in the middle of them{}",
                link ? "'.spark' is not a folder of the workspace" : std::strerror(errno),
                link ? ". '.spark' holds only what spark can rebuild: make it a folder "
                       "(rm .spark && mkdir .spark)"
                     : ""));
        }
    }
    // A shared lock is given up before the exclusive one is taken (flock converts in two
    // steps), so two merges that both held it shared cannot wait for each other.
    if (!take(fd, LOCK_EX, on_wait)) {
        const int saved = errno;
        ::close(fd);
        throw Error(
            fmt::format("cannot lock the workspace ('.spark/lock'): {}", std::strerror(saved)));
    }
    return std::unique_ptr<WorkspaceLock>(new WorkspaceLock(fd));
}

WorkspaceLock::~WorkspaceLock() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

} // namespace spark
