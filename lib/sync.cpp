#include "sync.hpp"

#include "error.hpp"
#include "git.hpp"
#include "process.hpp"
#include "text.hpp"

#include <fmt/format.h>

namespace spark {

namespace {

class Git {
  public:
    explicit Git(std::filesystem::path root) : root_(std::move(root)) {}

    ProcessResult run(std::vector<std::string> args) const {
        args.insert(args.begin(), "git");
        ProcessResult result = run_process(args, root_);
        if (!result.started) {
            throw Error("git is not installed; spark sync exchanges records through git");
        }
        return result;
    }

    // The output of a git command that must succeed, without the final newline.
    std::string read(const std::vector<std::string>& args) const {
        const ProcessResult result = run(args);
        if (result.exit_code != 0) {
            throw failure(args, result);
        }
        return trimmed(result.output);
    }

    long count(const std::string& range) const {
        return std::stol(read({"rev-list", "--count", range}));
    }

    static Error failure(const std::vector<std::string>& args, const ProcessResult& result) {
        return Error(fmt::format("'git {}' failed (exit status {}):\n{}", join(args, " "),
                                 result.exit_code, indented(result.output)));
    }

    static std::string trimmed(std::string text) {
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
            text.pop_back();
        }
        return text;
    }

    static std::vector<std::string> lines(const std::string& text) {
        std::vector<std::string> out;
        for (std::size_t at = 0; at < text.size();) {
            const std::size_t end = std::min(text.find('\n', at), text.size());
            if (end > at) {
                out.push_back(text.substr(at, end - at));
            }
            at = end + 1;
        }
        return out;
    }

    static std::string indented(const std::string& text) {
        std::string out;
        for (const auto& line : lines(text)) {
            out += (out.empty() ? "  " : "\n  ") + line;
        }
        return out;
    }

  private:
    std::filesystem::path root_;
};

struct Upstream {
    std::string remote;
    std::string branch;        // on the remote
    bool set_upstream = false; // push -u: the branch had none yet
};

Upstream find_upstream(const Git& git, const std::string& branch) {
    const ProcessResult remote = git.run({"config", "--get", "branch." + branch + ".remote"});
    const ProcessResult merge = git.run({"config", "--get", "branch." + branch + ".merge"});
    if (remote.exit_code == 0 && merge.exit_code == 0) {
        std::string ref = Git::trimmed(merge.output);
        if (ref.starts_with("refs/heads/")) {
            ref.erase(0, std::string("refs/heads/").size());
        }
        return {Git::trimmed(remote.output), ref, false};
    }
    const auto remotes = Git::lines(git.read({"remote"}));
    if (remotes.empty()) {
        throw Error("no remote to sync with; add your team's repository first:\n"
                    "  git remote add origin URL\n"
                    "then run 'spark sync' again");
    }
    if (remotes.size() > 1) {
        throw Error(fmt::format("several remotes ({}) and no upstream for branch '{}'; choose one "
                                "with:\n  git branch --set-upstream-to={}/{}",
                                join(remotes, ", "), branch, remotes.front(), branch));
    }
    return {remotes.front(), branch, true};
}

void refuse_uncommitted_changes(const Git& git) {
    const auto changed = Git::lines(git.read({"status", "--porcelain", "--untracked-files=no"}));
    if (changed.empty()) {
        return;
    }
    std::vector<std::string> paths;
    for (const auto& line : changed) {
        paths.push_back(line.size() > 3 ? line.substr(3) : line);
    }
    throw Error(fmt::format("uncommitted changes in: {}\ncommit them (git commit -a) or set them "
                            "aside (git stash), then run 'spark sync' again",
                            join(paths, ", ")));
}

} // namespace

SyncReport sync_with_remote(const Workspace& workspace) {
    if (!inside_git_repository(workspace.root)) {
        throw Error("the workspace is not in a git repository; spark sync exchanges records "
                    "through git (see 'man spark-sync')");
    }
    const Git git(workspace.root);
    const ProcessResult head = git.run({"symbolic-ref", "--quiet", "--short", "HEAD"});
    if (head.exit_code != 0) {
        throw Error("no branch is checked out (detached HEAD); switch to one first, for "
                    "example: git switch main");
    }
    const std::string branch = Git::trimmed(head.output);
    const Upstream upstream = find_upstream(git, branch);
    refuse_uncommitted_changes(git);

    SyncReport report;
    report.remote_branch = upstream.remote + "/" + upstream.branch;
    const std::string tracking = "refs/remotes/" + upstream.remote + "/" + upstream.branch;
    // A busy team can push in between more than once; each round is one fetch and rebase.
    constexpr int max_attempts = 10;
    for (int attempt = 1;; ++attempt) {
        const ProcessResult fetched = git.run({"fetch", "--quiet", upstream.remote});
        if (fetched.exit_code != 0) {
            throw Error(
                fmt::format("cannot reach '{}' (git fetch failed); nothing was changed:\n{}",
                            upstream.remote, Git::indented(fetched.output)));
        }
        const bool remote_has_branch =
            git.run({"rev-parse", "--verify", "--quiet", tracking}).exit_code == 0;
        if (remote_has_branch) {
            const long incoming = git.count("HEAD.." + tracking);
            if (incoming > 0) {
                const ProcessResult rebased = git.run({"rebase", "--quiet", tracking});
                if (rebased.exit_code != 0) {
                    const std::string conflicts =
                        git.run({"diff", "--name-only", "--diff-filter=U"}).output;
                    git.run({"rebase", "--abort"});
                    throw Error(fmt::format(
                        "the same file was changed here and on '{}': {}\nspark undid the "
                        "rebase, so nothing changed here; to combine the changes by hand:\n"
                        "  git pull --rebase   (then edit the files, git add, git rebase "
                        "--continue)\n{}",
                        report.remote_branch, join(Git::lines(conflicts), ", "),
                        Git::indented(rebased.output)));
                }
                report.received += incoming;
            }
        }
        const long outgoing =
            remote_has_branch ? git.count(tracking + "..HEAD") : git.count("HEAD");
        if (outgoing == 0) {
            break;
        }
        std::vector<std::string> push = {"push", "--quiet"};
        if (upstream.set_upstream) {
            push.emplace_back("--set-upstream");
        }
        push.push_back(upstream.remote);
        push.push_back("HEAD:refs/heads/" + upstream.branch);
        const ProcessResult pushed = git.run(push);
        if (pushed.exit_code == 0) {
            report.sent = outgoing;
            break;
        }
        // Refused because a colleague pushed in between? Then fetch and rebase again.
        git.run({"fetch", "--quiet", upstream.remote});
        const bool moved = git.run({"rev-parse", "--verify", "--quiet", tracking}).exit_code == 0 &&
                           git.count("HEAD.." + tracking) > 0;
        if (!moved || attempt == max_attempts) {
            throw Error(fmt::format("git push to '{}' failed; your records are safe here and "
                                    "go along with the next sync:\n{}",
                                    report.remote_branch, Git::indented(pushed.output)));
        }
    }
    for (const auto& line : Git::lines(git.read({"status", "--porcelain", "--untracked-files=all",
                                                 "--", "people", "log", "meetings"}))) {
        if (line.starts_with("?? ")) {
            report.untracked.push_back(line.substr(3));
        }
    }
    return report;
}

} // namespace spark
