// One owner per table and the direction between modules, checked on the real tree; and, on
// small fixtures, that each rule catches what it is meant to catch. The rules and the README
// lines they read are described in module_rules.h and src/modules/README.md.
#include "structure/module_rules.h"

#include <gtest/gtest.h>

namespace anju::structure {
namespace {

#ifndef ANJU_SOURCE_DIR
#error "anju_tests is compiled with ANJU_SOURCE_DIR, the source root (CMakeLists.txt)"
#endif

std::string Lines(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += "\n  " + s;
  return out;
}

// ---------------------------------------------------------------- the real tree

class ModuleRulesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { tree_ = new Tree(LoadTree(ANJU_SOURCE_DIR)); }
  static void TearDownTestSuite() { delete tree_; }
  static Tree* tree_;
};
Tree* ModuleRulesTest::tree_ = nullptr;

TEST_F(ModuleRulesTest, TreeIsRead) {
  // Guards the checks below against passing on nothing.
  EXPECT_GE(tree_->modules.size(), 9u);
  EXPECT_GE(tree_->sources.size(), 100u);
  EXPECT_TRUE(tree_->tables.count("users"));
  EXPECT_TRUE(tree_->tables.count("bills"));
}

TEST_F(ModuleRulesTest, EveryModuleDeclaresWhatItOwnsAndMayCall) {
  auto v = CheckDeclarations(*tree_);
  EXPECT_TRUE(v.empty()) << Lines(v);
}

TEST_F(ModuleRulesTest, EveryTableHasExactlyOneOwner) {
  auto v = CheckTableOwners(*tree_);
  EXPECT_TRUE(v.empty()) << Lines(v);
}

TEST_F(ModuleRulesTest, ModulesNameOnlyTheirOwnTables) {
  auto v = CheckTableUse(*tree_);
  EXPECT_TRUE(v.empty()) << Lines(v);
}

TEST_F(ModuleRulesTest, ModulesIncludeOnlyWhatTheyMayCall) {
  auto v = CheckIncludes(*tree_);
  EXPECT_TRUE(v.empty()) << Lines(v);
}

TEST_F(ModuleRulesTest, MayCallGraphHasNoCycle) {
  auto v = CheckCallGraph(*tree_);
  EXPECT_TRUE(v.empty()) << Lines(v);
}

// ---------------------------------------------------------------- the pieces, on fixtures

TEST(ModuleRulesFixture, LiteralsJoinAdjacentAndReadRawStrings) {
  const char* src =
      "#include \"platform/org/org_service.h\"\n"  // 1: no literal
      "// \"FROM users\" in a comment\n"          // 2
      "auto a = \"SELECT id \"  /* x */\n"        // 3
      "         \"FROM users\";\n"                // 4
      "char q = '\"'; int n = 1'000;\n"           // 5
      "auto b = R\"sql(UPDATE \"x\"\n"            // 6
      "  SET y = 1)sql\";\n"                      // 7
      "auto c = u8\"say \\\"hi\\\"\\n\";\n";      // 8
  std::vector<Literal> lits = StringLiterals(src);
  ASSERT_EQ(lits.size(), 3u);
  EXPECT_EQ(lits[0].text, "SELECT id FROM users");
  EXPECT_EQ(lits[0].line(), 3);
  EXPECT_EQ(lits[0].line_of.back(), 4);
  EXPECT_EQ(lits[1].text, "UPDATE \"x\"\n  SET y = 1");
  EXPECT_EQ(lits[1].line_of.back(), 7);
  EXPECT_EQ(lits[2].text, "say \"hi\"\n");
}

TEST(ModuleRulesFixture, TablesAfterSqlKeywordsOnly) {
  std::set<std::string> tables = {"users", "bills", "houses", "projects", "roles"};
  auto named = [&](const std::string& text) {
    Literal l{text, std::vector<int>(text.size(), 1)};
    std::string out;
    for (const TableMention& m : TablesNamed(l, tables)) out += (out.empty() ? "" : " ") + m.table;
    return out;
  };
  EXPECT_EQ(named("SELECT b.id FROM bills b JOIN users u ON u.id = b.created_by"), "bills users");
  EXPECT_EQ(named("select 1 from BILLS b, houses AS h, projects p where 1 = 1"),
            "bills houses projects");
  EXPECT_EQ(named("INSERT INTO roles (id) VALUES (1)"), "roles");
  EXPECT_EQ(named("UPDATE ONLY users SET name = ?"), "users");
  EXPECT_EQ(named("DELETE FROM public.houses WHERE id = ?"), "houses");
  EXPECT_EQ(named("CREATE TABLE IF NOT EXISTS x (u INTEGER REFERENCES users(id))"), "users");
  EXPECT_EQ(named("SELECT * FROM (SELECT id FROM houses) h WHERE x IN (1, 2)"), "houses");
  EXPECT_EQ(named("SELECT id FROM bills WHERE id = ? FOR UPDATE"), "bills");
  // Prose and JSON keys are not SQL: a table's name elsewhere does not count.
  EXPECT_EQ(named("Choose a project from the list of users"), "");
  EXPECT_EQ(named("houses"), "");
  EXPECT_EQ(named("SELECT users, houses FROM work_orders"), "");
}

TEST(ModuleRulesFixture, MentionsCarryTheirLine) {
  std::vector<Literal> lits = StringLiterals(
      "x(\"SELECT 1 \"\n  \"FROM bills b \"\n"
      "  \"JOIN users u ON 1 = 1\");\n");
  ASSERT_EQ(lits.size(), 1u);
  auto m = TablesNamed(lits[0], {"bills", "users"});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].line, 2);
  EXPECT_EQ(m[1].line, 3);
}

TEST(ModuleRulesFixture, CreatedTablesAndIncludes) {
  EXPECT_EQ(CreatedTables("CREATE TABLE users (id INTEGER);\n-- CREATE TABLE old_users\n"
                          "create table if not exists \"Sessions\" (id INT);\n"
                          "CREATE INDEX users_x ON users(id);"),
            (std::set<std::string>{"users", "sessions"}));
  auto inc = ModuleIncludes(
      "#include \"platform/org/org_service.h\"\n#include <vector>\n"
      "  #  include \"platform/identity/access.h\"\n#include \"core/x.h\"\n");
  ASSERT_EQ(inc.size(), 2u);
  EXPECT_EQ(inc[0].module, "org");
  EXPECT_EQ(inc[1].module, "identity");
  EXPECT_EQ(inc[1].line, 3);
}

TEST(ModuleRulesFixture, ReadmeLines) {
  ModuleDecl d = ParseReadme("# x\n\nOwns tables: `users`, `sessions`\nMay call: none\n");
  EXPECT_TRUE(d.problems.empty()) << Lines(d.problems);
  EXPECT_EQ(d.owns, (std::vector<std::string>{"users", "sessions"}));
  EXPECT_TRUE(d.may_call.empty());
  EXPECT_EQ(ParseReadme("Owns tables: users\nMay call: none\n").problems.size(), 1u);
  EXPECT_EQ(ParseReadme("Owns tables: none\n").problems.size(), 1u);  // no May call line
  EXPECT_EQ(ParseReadme("Owns tables: none\nMay call: none\nMay call: `a`\n").problems.size(), 1u);
}

TEST(ModuleRulesFixture, CycleIsPrintedAsAPath) {
  EXPECT_FALSE(FindCycle({{"a", {"b"}}, {"b", {"c"}}, {"c", {}}}));
  auto c = FindCycle({{"a", {"b"}}, {"b", {"c"}}, {"c", {"a"}}, {"d", {"a"}}});
  ASSERT_TRUE(c);
  EXPECT_EQ(*c, (std::vector<std::string>{"a", "b", "c", "a"}));
}

// A small fake tree: identity owns users, org owns projects, org may call identity.
Tree FakeTree() {
  Tree t;
  t.tables = {"users", "projects"};
  t.modules = {
      {"identity", false, "Owns tables: `users`\nMay call: none\n", true},
      {"org", false, "Owns tables: `projects`\nMay call: `identity`\n", true},
  };
  t.sources = {
      {"org", "src/modules/org/p.cc",
       "#include \"platform/identity/access.h\"\n"
       "auto q = \"SELECT id FROM projects\";\n"},
      {"identity", "src/modules/identity/a.cc", "auto q = \"SELECT id FROM users\";\n"},
  };
  return t;
}

TEST(ModuleRulesFixture, CleanFakeTreePasses) {
  Tree t = FakeTree();
  EXPECT_TRUE(CheckDeclarations(t).empty()) << Lines(CheckDeclarations(t));
  EXPECT_TRUE(CheckTableOwners(t).empty()) << Lines(CheckTableOwners(t));
  EXPECT_TRUE(CheckTableUse(t).empty()) << Lines(CheckTableUse(t));
  EXPECT_TRUE(CheckIncludes(t).empty()) << Lines(CheckIncludes(t));
  EXPECT_TRUE(CheckCallGraph(t).empty()) << Lines(CheckCallGraph(t));
}

TEST(ModuleRulesFixture, ForeignTableIsNamedWithFileAndLine) {
  Tree t = FakeTree();
  t.sources[0].text += "void F() {\n  tx.Exec(\"UPDATE users \"\n          \"SET name = ?\");\n}\n";
  auto v = CheckTableUse(t);
  ASSERT_EQ(v.size(), 1u) << Lines(v);
  EXPECT_EQ(v[0].rfind("src/modules/org/p.cc:4: org names table `users`, owned by identity", 0), 0u)
      << v[0];
}

TEST(ModuleRulesFixture, TableWithoutOwnerOrWithTwo) {
  Tree t = FakeTree();
  t.tables.insert("roles");
  t.modules[0].readme = "Owns tables: `users`, `projects`\nMay call: none\n";
  auto v = CheckTableOwners(t);
  ASSERT_EQ(v.size(), 2u) << Lines(v);
  EXPECT_EQ(v[0], "table `projects` has 2 owners: identity, org");
  EXPECT_NE(v[1].find("table `roles` has no owner"), std::string::npos) << v[1];
}

TEST(ModuleRulesFixture, BadDeclarations) {
  Tree t = FakeTree();
  t.modules[1].readme = "Owns tables: `projects`, `projekts`\nMay call: `identity`, `idnetity`\n";
  t.modules.push_back({"notify", false, "", false});
  auto v = CheckDeclarations(t);
  ASSERT_EQ(v.size(), 3u) << Lines(v);
  EXPECT_NE(v[0].find("owns `projekts`, which no migration creates"), std::string::npos);
  EXPECT_NE(v[1].find("may call `idnetity`, no such module"), std::string::npos);
  EXPECT_NE(v[2].find("src/modules/notify/README.md: missing"), std::string::npos);
}

TEST(ModuleRulesFixture, IncludeOutsideMayCall) {
  Tree t = FakeTree();
  t.sources[1].text = "#include \"platform/identity/x.h\"\n#include \"platform/org/org_service.h\"\n";
  auto v = CheckIncludes(t);
  ASSERT_EQ(v.size(), 1u) << Lines(v);
  EXPECT_EQ(v[0].rfind("src/modules/identity/a.cc:2: identity includes org", 0), 0u) << v[0];
}

TEST(ModuleRulesFixture, MayCallCycleIsPrinted) {
  Tree t = FakeTree();
  t.modules[0].readme = "Owns tables: `users`\nMay call: `org`\n";
  auto v = CheckCallGraph(t);
  ASSERT_EQ(v.size(), 1u) << Lines(v);
  EXPECT_EQ(v[0], "the \"May call:\" lines form a cycle: identity → org → identity");
}

TEST(ModuleRulesFixture, PlatformCallsNoBusinessModule) {
  Tree t = FakeTree();
  t.modules[0].platform = true;  // identity under src/platform/, org a business module
  t.modules[0].readme = "Owns tables: `users`\nMay call: none\n";
  EXPECT_TRUE(CheckCallGraph(t).empty());
  t.modules[1].platform = true;
  t.modules[1].readme = "Owns tables: `projects`\nMay call: none\n";
  t.modules.push_back({"billing", false, "Owns tables: none\nMay call: `org`\n", true});
  t.modules[0].readme = "Owns tables: `users`\nMay call: `billing`\n";
  auto v = CheckCallGraph(t);
  ASSERT_EQ(v.size(), 1u) << Lines(v);
  EXPECT_NE(v[0].find("platform module identity may call billing"), std::string::npos) << v[0];
}

}  // namespace
}  // namespace anju::structure
