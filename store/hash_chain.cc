#include "store/hash_chain.h"

#include <openssl/evp.h>

#include <array>
#include <memory>
#include <stdexcept>

namespace store {

namespace {

constexpr std::string_view kDomain = "risk-gateway-audit-v1\n";

struct DigestContextDeleter {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

class Sha256 {
 public:
  Sha256() : context_(EVP_MD_CTX_new()) {
    if (!context_ || EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1) {
      throw std::runtime_error("OpenSSL: cannot start a SHA-256 digest");
    }
  }

  void update(std::string_view bytes) { EVP_DigestUpdate(context_.get(), bytes.data(), bytes.size()); }

  // One length-prefixed field: "<length>:<bytes>\n".
  void field(std::string_view bytes) {
    update(std::to_string(bytes.size()));
    update(":");
    update(bytes);
    update("\n");
  }

  std::string hex() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_DigestFinal_ex(context_.get(), digest.data(), &size);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (unsigned int i = 0; i < size; ++i) {
      out += kHex[digest[i] >> 4];
      out += kHex[digest[i] & 0xf];
    }
    return out;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, DigestContextDeleter> context_;
};

}  // namespace

std::string auditRecordHash(std::int64_t seq, const AuditRecord& record, std::string_view prevHash) {
  Sha256 sha;
  sha.update(kDomain);
  sha.field(std::to_string(seq));
  sha.field(std::to_string(record.timeNs));
  sha.field(record.kind);
  sha.field(record.account);
  sha.field(record.callId);
  sha.field(record.orderId);
  sha.field(record.actor);
  sha.field(record.detail);
  sha.field(record.fixMessage);
  sha.field(prevHash);
  return sha.hex();
}

}  // namespace store
