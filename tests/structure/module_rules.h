// Module boundaries, checked (tests/structure/module_rules_test.cc).
//
// A module is a folder src/modules/<m>/ (or src/platform/<m>/) with a README.md that says,
// each on one line of its own:
//
//   Owns tables: `users`, `sessions`        (or: Owns tables: none)
//   May call: `audit`                        (or: May call: none)
//
// Four rules follow from these lines:
//  1. Every table that db/migrations/{sqlite,postgres}/*.sql creates has exactly one owning
//     module, and a module owns only tables that exist.
//  2. A module's code names only its own tables in SQL. The checker reads every C++ string
//     literal of the module's .cc and .h files (its *_test.cc included), joins adjacent
//     literals ("SELECT …" "FROM users") as the compiler does, reads raw strings, and looks
//     for a table name of the migrations right after FROM (and the rest of a FROM list),
//     JOIN, INTO, UPDATE, TABLE, REFERENCES or TRUNCATE. Words that are not table names
//     never count, so prose ("from the list") passes. Not seen: table names put together at
//     run time ("FROM " + table) and SQL in preprocessor lines.
//  3. A module includes another module's header ("modules/<x>/…" or "platform/<x>/…") only
//     when <x> is on its May call line; the May call lines form no cycle; and a module
//     under src/platform/ calls only platform modules.
//  4. Where a lower module needs data a higher one owns, the lower one declares a small
//     interface (a port) that the higher one implements and src/app wires; so the rules
//     above are the whole story of who depends on whom.
// src/app, src/jobs, tests and bench are not modules and may use anything.
//
// The functions below are pure (text in, findings out) so that the test shows each rule
// catching a violation on a small fixture; LoadTree reads the real tree.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace anju::structure {

// A string literal as the compiler sees it: adjacent literals joined, escapes decoded.
// line_of[i] is the source line of text[i].
struct Literal {
  std::string text;
  std::vector<int> line_of;
  int line() const { return line_of.empty() ? 0 : line_of.front(); }
};
// Every string literal of a C++ source, outside comments, character literals and
// preprocessor lines (so `#include "x.h"` is no literal).
std::vector<Literal> StringLiterals(std::string_view source);

struct TableMention {
  std::string table;
  int line = 0;
};
// The tables of `tables` (lower case) that `sql` names after FROM, JOIN, INTO, UPDATE,
// TABLE, REFERENCES or TRUNCATE (case-insensitive).
std::vector<TableMention> TablesNamed(const Literal& sql, const std::set<std::string>& tables);

// The tables a migration creates (CREATE TABLE [IF NOT EXISTS] name), lower case.
std::set<std::string> CreatedTables(std::string_view migration_sql);

// The two declaration lines of a module README.
struct ModuleDecl {
  std::vector<std::string> owns, may_call;
  std::vector<std::string> problems;  // missing, repeated or malformed lines
};
ModuleDecl ParseReadme(std::string_view readme);

struct IncludeRef {
  std::string module;
  int line = 0;
};
// The modules whose headers `source` includes ("modules/<x>/…", "platform/<x>/…").
std::vector<IncludeRef> ModuleIncludes(std::string_view source);

// A cycle of `graph` as a path that ends where it starts (a → b → a), or nullopt.
std::optional<std::vector<std::string>> FindCycle(
    const std::map<std::string, std::vector<std::string>>& graph);

struct Module {
  std::string name;
  bool platform = false;  // lives under src/platform/
  std::string readme;     // the text of its README.md ("" when there is none)
  bool has_readme = false;
};
struct SourceFile {
  std::string module;
  std::string path;  // relative to the source root, for messages
  std::string text;
};
struct Tree {
  std::vector<Module> modules;
  std::vector<SourceFile> sources;
  std::set<std::string> tables;  // created by the migrations
};
// Reads src/modules/*/ and src/platform/*/ (every .cc and .h below each module folder) and
// the tables of db/migrations/*/*.sql under `root`.
Tree LoadTree(const std::filesystem::path& root);

// Each returns one message per violation ("path:line: …"); empty when the rule holds.
std::vector<std::string> CheckDeclarations(const Tree& tree);  // README lines, names
std::vector<std::string> CheckTableOwners(const Tree& tree);   // rule 1
std::vector<std::string> CheckTableUse(const Tree& tree);      // rule 2
std::vector<std::string> CheckIncludes(const Tree& tree);      // rule 3, includes
std::vector<std::string> CheckCallGraph(const Tree& tree);     // rule 3, cycles and layers

}  // namespace anju::structure
