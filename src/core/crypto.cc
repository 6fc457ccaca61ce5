#include "core/crypto.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace anju::crypto {

void Init() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string Base64Encode(std::string_view bytes) {
  const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), variant);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::optional<std::string> Base64Decode(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return std::nullopt;
  out.resize(len);
  return out;
}

std::string RandomToken(size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  return Base64Encode(raw);
}

std::string Sha256Hex(std::string_view data) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

std::string HashPassword(std::string_view password, PwCost cost) {
  char out[crypto_pwhash_STRBYTES];
  unsigned long long ops = cost == PwCost::kFast ? crypto_pwhash_OPSLIMIT_MIN
                                                 : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  size_t mem = cost == PwCost::kFast ? 1 << 20 : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("argon2id: out of memory");
  return out;
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  std::string h(hash);  // must be NUL-terminated
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

namespace {
std::string DeriveKey(const std::string& master, uint64_t id, const char ctx[8]) {
  std::string k(32, '\0');
  crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(k.data()), k.size(), id, ctx,
                             reinterpret_cast<const unsigned char*>(master.data()));
  return k;
}
}  // namespace

SecretKey::SecretKey(std::string raw32) {
  if (raw32.size() != crypto_kdf_KEYBYTES) throw std::runtime_error("secret key must be 32 bytes");
  enc_key_ = DeriveKey(raw32, 1, "anjuPII_");
  idx_key_ = DeriveKey(raw32, 2, "anjuBIDX");
  sodium_memzero(raw32.data(), raw32.size());
}

SecretKey SecretKey::LoadOrCreate(const std::string& data_dir) {
  namespace fs = std::filesystem;
  fs::create_directories(data_dir);
  fs::path path = fs::path(data_dir) / "secret.key";
  if (!fs::exists(path)) {
    std::string raw(32, '\0');
    randombytes_buf(raw.data(), raw.size());
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) {
      std::string text = Base64Encode(raw) + "\n";
      bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
      ok = ::fsync(fd) == 0 && ok;
      ::close(fd);
      if (!ok) throw std::runtime_error("cannot write " + path.string());
    } else if (errno != EEXIST) {
      throw std::runtime_error("cannot create " + path.string());
    }  // EEXIST: another process created it first; read theirs.
  }
  struct stat st{};
  if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
    throw std::runtime_error(path.string() + " must not be readable by others (chmod 600)");
  std::ifstream in(path);
  std::string text;
  std::getline(in, text);
  auto raw = Base64Decode(text);
  if (!raw || raw->size() != 32) throw std::runtime_error(path.string() + " is not a valid key");
  return SecretKey(std::move(*raw));
}

std::string SecretKey::Encrypt(std::string_view plaintext, std::string_view context) const {
  const size_t nlen = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string out(nlen + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(o, nlen);
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      o + nlen, &clen, reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
      reinterpret_cast<const unsigned char*>(context.data()), context.size(), nullptr, o,
      reinterpret_cast<const unsigned char*>(enc_key_.data()));
  out.resize(nlen + clen);
  return Base64Encode(out);
}

std::optional<std::string> SecretKey::Decrypt(std::string_view ciphertext,
                                              std::string_view context) const {
  auto raw = Base64Decode(ciphertext);
  const size_t nlen = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (!raw || raw->size() < nlen + crypto_aead_xchacha20poly1305_ietf_ABYTES) return std::nullopt;
  std::string out(raw->size() - nlen, '\0');
  unsigned long long mlen = 0;
  const auto* r = reinterpret_cast<const unsigned char*>(raw->data());
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(out.data()), &mlen, nullptr, r + nlen,
          raw->size() - nlen, reinterpret_cast<const unsigned char*>(context.data()),
          context.size(), r, reinterpret_cast<const unsigned char*>(enc_key_.data())) != 0)
    return std::nullopt;
  out.resize(mlen);
  return out;
}

std::string SecretKey::BlindIndex(std::string_view value, std::string_view context) const {
  unsigned char h[32];
  crypto_generichash_state st;
  crypto_generichash_init(&st, reinterpret_cast<const unsigned char*>(idx_key_.data()),
                          idx_key_.size(), sizeof h);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(context.data()),
                            context.size());
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>("\0"), 1);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(value.data()),
                            value.size());
  crypto_generichash_final(&st, h, sizeof h);
  return Base64Encode(std::string_view(reinterpret_cast<char*>(h), sizeof h));
}

}  // namespace anju::crypto
