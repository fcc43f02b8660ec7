#pragma once

#include <string>
#include <string_view>

namespace spark {

// Lowercase hex SHA-256 digest (FIPS 180-4), for ids that must be the same in every clone
// (the pseudonym of a forgotten person). Not used for secrets.
std::string sha256_hex(std::string_view bytes);

} // namespace spark
