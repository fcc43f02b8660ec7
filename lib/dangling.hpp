#pragma once

#include "error.hpp"
#include "git.hpp"
#include "people_edit.hpp"
#include "records.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace spark {

// A person some records still name although their record is gone. Clones make this
// happen: a colleague merges or forgets a person and pushes, while someone else logs an
// entry with that person; the pull merges cleanly and leaves the entry naming no one.

// people/<id>.toml's removal, if git knows it (the caller asks git; tests pass a table).
using RemovalLookup = std::function<std::optional<Removal>(const std::string& id)>;

struct DanglingPerson {
    enum class Repair {
        forgotten, // `people forget` removed it: its pseudonym stands in (safe to apply)
        merged,    // `people merge` removed it: the person it went into (safe to apply)
        restore,   // removed otherwise: the record can come back from git
        none,      // no trace of it
    };
    std::string id;
    std::size_t references = 0; // entries, meetings and invited_by that name it
    std::string first_path;     // the first of them, where check gives the advice
    SourcePos first_pos;
    Repair repair = Repair::none;
    std::string target; // forgotten, merged: who the references should name
    std::string commit; // merged, restore: the commit that removed the record
    bool safe() const { return repair == Repair::forgotten || repair == Repair::merged; }
};

// Every person named but not recorded (a record that exists but does not parse has its own
// error and is left out), with its repair; merges of merges are followed.
std::vector<DanglingPerson> dangling_people(const Records& records, const RemovalLookup& removal);

// What `spark check` says about one, as a warning at its first reference: what happened
// and the repair (the --fix, or the exact git command).
Diagnostic dangling_advice(const DanglingPerson& person);

// `spark check --fix` for one safe repair: every reference to the person names the target
// instead, as `people merge TARGET ID` would have done in this clone. Throws Error when
// the repair is not a safe one.
PeopleEdit plan_dangling_repair(const Records& records, const DanglingPerson& person,
                                const FileSource& source);

} // namespace spark
