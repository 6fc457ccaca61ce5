// Cryptography helpers over libsodium. Call crypto::Init() once before anything else.
//
// - Passwords: argon2id (crypto_pwhash_str, "interactive" limits by default).
// - Tokens: 32 random bytes, URL-safe base64 without padding.
// - Personal data at rest: XChaCha20-Poly1305 AEAD with a random nonce, base64 of
//   nonce||ciphertext; the record's column name is the associated data, so a ciphertext
//   moved to another column does not decrypt.
// - Blind index: keyed BLAKE2b-256 of the normalised value under a sub-key derived from the
//   secret key, so an exact look-up needs no decryption and leaks no plaintext.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace anju::crypto {

void Init();  // throws std::runtime_error if libsodium cannot start

std::string RandomToken(size_t bytes = 32);
std::string Sha256Hex(std::string_view data);
std::string Base64Encode(std::string_view bytes);
std::optional<std::string> Base64Decode(std::string_view text);

// Cost presets. Tests and `anju demo` may use kFast to keep runs short; a hash records its
// own parameters, so verification works whatever preset made it.
enum class PwCost { kInteractive, kFast };
std::string HashPassword(std::string_view password, PwCost cost = PwCost::kInteractive);
bool VerifyPassword(std::string_view hash, std::string_view password);

// The 32-byte master key. Sub-keys for encryption and blind indexes derive from it.
class SecretKey {
 public:
  explicit SecretKey(std::string raw32);  // throws if not 32 bytes
  // Loads DIR/secret.key, creating it (random, mode 0600) when missing. Throws.
  static SecretKey LoadOrCreate(const std::string& data_dir);

  std::string Encrypt(std::string_view plaintext, std::string_view context) const;
  std::optional<std::string> Decrypt(std::string_view ciphertext, std::string_view context) const;
  std::string BlindIndex(std::string_view value, std::string_view context) const;

 private:
  std::string enc_key_;
  std::string idx_key_;
};

}  // namespace anju::crypto
