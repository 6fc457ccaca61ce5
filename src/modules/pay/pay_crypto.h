// The cryptography both payment protocols need, over OpenSSL 3 EVP: RSA-2048 keys (PEM),
// SHA256withRSA (PKCS#1 v1.5) signatures, AES-256-GCM, standard base64 with padding and
// random strings. Every OpenSSL handle is owned by a smart pointer with its free function.
// Thread-safe: RsaKey is immutable after construction and may be shared between threads.
#pragma once

#include <openssl/types.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace anju::pay {

class RsaKey {
 public:
  // A private key from PEM ("PRIVATE KEY" PKCS#8 or "RSA PRIVATE KEY" PKCS#1).
  static std::optional<RsaKey> FromPrivatePem(std::string_view pem);
  // A public key from PEM "PUBLIC KEY", an X.509 "CERTIFICATE" (its subject key), or the
  // bare base64 of a SubjectPublicKeyInfo as Alipay's console shows it.
  static std::optional<RsaKey> FromPublicPem(std::string_view pem);
  // A fresh RSA-2048 key pair (slow: ~50-200 ms).
  static RsaKey Generate2048();

  bool is_private() const { return private_; }
  std::string PrivatePem() const;  // PKCS#8; empty for a public key
  std::string PublicPem() const;   // SubjectPublicKeyInfo

  // SHA256withRSA, PKCS#1 v1.5. Sign needs a private key; returns raw signature bytes.
  std::optional<std::string> Sign(std::string_view message) const;
  bool Verify(std::string_view message, std::string_view signature) const;

 private:
  RsaKey(std::shared_ptr<EVP_PKEY> key, bool is_private)
      : key_(std::move(key)), private_(is_private) {}
  std::shared_ptr<EVP_PKEY> key_;
  bool private_ = false;
};

// Standard alphabet with '=' padding. Decode is strict: no whitespace, correct padding.
std::string Base64Encode(std::string_view bytes);
std::optional<std::string> Base64Decode(std::string_view text);

// AES-256-GCM with a 16-byte tag appended to the ciphertext (WeChat Pay APIv3's layout).
// key must be 32 bytes; Decrypt returns nullopt when the tag (or anything) does not verify.
std::optional<std::string> AesGcmEncrypt(std::string_view key, std::string_view nonce,
                                         std::string_view aad, std::string_view plaintext);
std::optional<std::string> AesGcmDecrypt(std::string_view key, std::string_view nonce,
                                         std::string_view aad, std::string_view ciphertext_tag);

// `n` characters of [0-9A-Za-z] from the OpenSSL CSPRNG (nonces, test ids).
std::string RandomAlnum(size_t n);

}  // namespace anju::pay
