#pragma once

#include <filesystem>
#include <functional>
#include <memory>

namespace spark {

// Commands of one workspace take turns where it matters. Every command holds a shared lock
// on .spark/lock while it runs; `people merge` and `people forget`, which rewrite
// references across the workspace, hold it exclusively. So two merges (even opposite ones)
// run one after the other and the second sees the first's result, and no command resolves
// or writes a reference to a person in the middle of a merge. An flock: the kernel releases
// it when spark ends, also when spark is killed, so a lock is never left behind.
class WorkspaceLock {
  public:
    // The shared lock; nullptr when .spark cannot hold it (a read-only workspace, a .spark
    // that is not a folder, or no .spark yet unless `make_folder`): commands then go on
    // without.
    static std::unique_ptr<WorkspaceLock> shared(const std::filesystem::path& root,
                                                 bool make_folder);
    // The exclusive lock, converted from this shared one or taken anew. Waits for the other
    // commands of the workspace; `on_wait` runs once when it has to. Throws Error when the
    // lock file cannot be made.
    static std::unique_ptr<WorkspaceLock> exclusive(const std::filesystem::path& root,
                                                    std::unique_ptr<WorkspaceLock> held,
                                                    const std::function<void()>& on_wait);

    WorkspaceLock(const WorkspaceLock&) = delete;
    WorkspaceLock& operator=(const WorkspaceLock&) = delete;
    ~WorkspaceLock();

  private:
    explicit WorkspaceLock(int fd) : fd_(fd) {}
    int fd_;
};

} // namespace spark
