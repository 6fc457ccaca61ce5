#include "platform/files/file_store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/crypto.h"

namespace anju::files {
namespace {

namespace fs = std::filesystem;

TEST(FileTypeTest, MagicBytesOnly) {
  EXPECT_EQ(DetectType(std::string("\xFF\xD8\xFF\xDB", 4))->content_type, "image/jpeg");
  EXPECT_EQ(DetectType(std::string("\x89PNG\r\n\x1A\n", 8))->extension, "png");
  EXPECT_EQ(DetectType(std::string("RIFF\x00\x00\x00\x00WEBP", 12))->content_type, "image/webp");
  for (std::string bad : {std::string(), std::string("\xFF\xD8", 2), std::string("RIFF1234WAVE"),
                          std::string("RIFF1234WEB"), std::string("GIF89a"),
                          std::string("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
                          std::string("MZ\x90\x00", 4), std::string("%PDF-1.7"),
                          std::string("\x89PNG\r\n\x1A", 7)})
    EXPECT_FALSE(DetectType(bad).has_value()) << bad;
  EXPECT_EQ(ExtensionOf("image/webp"), "webp");
  EXPECT_EQ(ExtensionOf("text/html"), "bin");
}

TEST(FileStoreTest, PutGetRemoveUnderRandomNames) {
  crypto::Init();
  fs::path root = fs::temp_directory_path() / ("anju-files-" + crypto::RandomToken(6));
  FileStore store(root);
  std::string a = store.Put(3, "hello"), b = store.Put(3, "world");
  EXPECT_NE(a, b);
  EXPECT_TRUE(FileStore::IsStorageName(a));
  EXPECT_EQ(store.PathOf(3, a), root / "3" / a.substr(0, 2) / a);
  EXPECT_EQ(store.Get(3, a), "hello");
  EXPECT_EQ(store.Get(4, a), std::nullopt);  // another company's folder
  EXPECT_EQ(store.Get(3, "../../etc/passwd"), std::nullopt);
  EXPECT_EQ(store.Get(3, std::string(32, 'A')), std::nullopt);
  store.Remove(3, a);
  EXPECT_EQ(store.Get(3, a), std::nullopt);
  EXPECT_EQ(store.Get(3, b), "world");
  fs::remove_all(root);
}

TEST(FileStoreTest, PathIsInside) {
  EXPECT_TRUE(PathIsInside("/srv/data/files/1/ab/x", "/srv/data"));
  EXPECT_TRUE(PathIsInside("/srv/data", "/srv/data/"));
  EXPECT_FALSE(PathIsInside("/srv/data2/x", "/srv/data"));
  EXPECT_FALSE(PathIsInside("/srv/data/../web/x", "/srv/data"));
  EXPECT_TRUE(PathIsInside("/srv/web/dist/../dist/files", "/srv/web"));
  EXPECT_FALSE(PathIsInside("/srv", "/srv/web"));
}

}  // namespace
}  // namespace anju::files
