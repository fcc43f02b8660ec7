#include "records.hpp"

#include "record_reader.hpp"
#include "storage.hpp"
#include "workspace.hpp"

#include <algorithm>
#include <atomic>
#include <fmt/format.h>
#include <thread>

namespace spark {

namespace {

bool is_year_folder(const std::string& name) {
    return name.size() == 4 &&
           std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void warn(std::vector<Diagnostic>& diagnostics, std::string path, std::string message) {
    diagnostics.push_back({std::move(path), {}, Severity::warning, std::move(message)});
}

void list_folder(const fs::path& root, const std::string& relative_dir, RecordType type,
                 std::vector<RecordFile>& files, std::vector<Diagnostic>& diagnostics) {
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(root / relative_dir, ec)) {
        const std::string name = item.path().filename().string();
        const std::string relative = relative_dir + "/" + name;
        if (is_temporary_file_name(name)) {
            warn(diagnostics, relative,
                 "leftover temporary file from an interrupted write; it is not a record and "
                 "can be deleted");
        } else if (name.front() == '.') {
            continue; // .gitkeep and the like
        } else if (name.size() > 5 && name.ends_with(".toml") && item.is_regular_file()) {
            files.push_back({type, relative, name.substr(0, name.size() - 5)});
        } else {
            warn(diagnostics, relative, "not a record file (records end in .toml); ignored");
        }
    }
}

void list_year_folders(const fs::path& root, const std::string& top, RecordType type,
                       std::vector<RecordFile>& files, std::vector<Diagnostic>& diagnostics) {
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(root / top, ec)) {
        const std::string name = item.path().filename().string();
        if (name.front() == '.' && !is_temporary_file_name(name)) {
            continue;
        }
        if (item.is_directory() && is_year_folder(name)) {
            list_folder(root, top + "/" + name, type, files, diagnostics);
        } else {
            warn(diagnostics, top + "/" + name,
                 fmt::format("ignored: records belong in {}/<year>/", top));
        }
    }
}

struct Loaded {
    std::optional<Person> person;
    std::optional<Entry> entry;
    std::optional<Meeting> meeting;
    std::vector<Diagnostic> diagnostics;
};

void load_one(const fs::path& root, const RecordFile& file, Loaded& out) {
    std::string bytes;
    try {
        bytes = read_file(root / file.relative_path);
    } catch (const Error& e) {
        out.diagnostics.push_back({file.relative_path, {}, Severity::error, e.what()});
        return;
    }
    switch (file.type) {
    case RecordType::person:
        out.person = read_person(bytes, file.relative_path, file.id, out.diagnostics);
        if (out.person) {
            out.person->path = file.relative_path;
        }
        break;
    case RecordType::entry:
        out.entry = read_entry(bytes, file.relative_path, file.id, out.diagnostics);
        if (out.entry) {
            out.entry->path = file.relative_path;
        }
        break;
    case RecordType::meeting:
        out.meeting = read_meeting(bytes, file.relative_path, file.id, out.diagnostics);
        if (out.meeting) {
            out.meeting->path = file.relative_path;
        }
        break;
    }
}

Records load_files(const fs::path& root, const std::vector<RecordFile>& files,
                   std::vector<Diagnostic> listing_diagnostics) {
    std::vector<Loaded> loaded(files.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        constexpr std::size_t batch = 64;
        for (std::size_t start = next.fetch_add(batch); start < files.size();
             start = next.fetch_add(batch)) {
            for (std::size_t i = start; i < std::min(files.size(), start + batch); ++i) {
                load_one(root, files[i], loaded[i]);
            }
        }
    };
    const unsigned threads =
        files.size() < 256 ? 1u : std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) {
        pool.emplace_back(worker);
    }
    worker();
    for (auto& thread : pool) {
        thread.join();
    }

    Records records;
    records.diagnostics = std::move(listing_diagnostics);
    for (auto& item : loaded) {
        if (item.person) {
            records.people.push_back(std::move(*item.person));
        }
        if (item.entry) {
            records.entries.push_back(std::move(*item.entry));
        }
        if (item.meeting) {
            records.meetings.push_back(std::move(*item.meeting));
        }
        for (auto& d : item.diagnostics) {
            records.diagnostics.push_back(std::move(d));
        }
    }
    auto by_id = [](const auto& a, const auto& b) {
        return a.id < b.id;
    };
    std::sort(records.people.begin(), records.people.end(), by_id);
    std::sort(records.entries.begin(), records.entries.end(), by_id);
    std::sort(records.meetings.begin(), records.meetings.end(), by_id);
    return records;
}

} // namespace

std::vector<RecordFile> list_record_files(const fs::path& root, bool people_only,
                                          std::vector<Diagnostic>& diagnostics) {
    std::vector<RecordFile> files;
    list_folder(root, people_dir, RecordType::person, files, diagnostics);
    if (!people_only) {
        list_year_folders(root, log_dir, RecordType::entry, files, diagnostics);
        list_year_folders(root, meetings_dir, RecordType::meeting, files, diagnostics);
    }
    std::sort(files.begin(), files.end(),
              [](const auto& a, const auto& b) { return a.relative_path < b.relative_path; });
    return files;
}

Records load_records(const fs::path& root) {
    std::vector<Diagnostic> diagnostics;
    auto files = list_record_files(root, false, diagnostics);
    return load_files(root, files, std::move(diagnostics));
}

Records load_people(const fs::path& root) {
    std::vector<Diagnostic> diagnostics;
    auto files = list_record_files(root, true, diagnostics);
    return load_files(root, files, std::move(diagnostics));
}

Records load_valid_records(const fs::path& root) {
    Records records = load_records(root);
    if (has_errors(records.diagnostics)) {
        throw DataError(std::move(records.diagnostics));
    }
    return records;
}

Records load_valid_people(const fs::path& root) {
    Records records = load_people(root);
    if (has_errors(records.diagnostics)) {
        throw DataError(std::move(records.diagnostics));
    }
    return records;
}

} // namespace spark
