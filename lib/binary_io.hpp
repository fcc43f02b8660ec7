#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace spark {

// Little helpers for the cache's binary format: fixed-width integers in host byte order
// (the cache never leaves the machine) and length-prefixed strings.
class BinaryWriter {
  public:
    void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v) { raw(&v, sizeof v); }
    void u64(std::uint64_t v) { raw(&v, sizeof v); }
    void i64(std::int64_t v) { raw(&v, sizeof v); }
    void str(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    void strings(const std::vector<std::string>& values) {
        u32(static_cast<std::uint32_t>(values.size()));
        for (const auto& v : values) {
            str(v);
        }
    }
    std::string& buffer() { return out_; }

  private:
    void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
    std::string out_;
};

// Reads what BinaryWriter wrote; throws std::out_of_range on a short or damaged buffer.
class BinaryReader {
  public:
    explicit BinaryReader(std::string_view in) : in_(in) {}
    std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)[0]); }
    std::uint32_t u32() { return fixed<std::uint32_t>(); }
    std::uint64_t u64() { return fixed<std::uint64_t>(); }
    std::int64_t i64() { return fixed<std::int64_t>(); }
    std::string_view str() { return take(u32()); }
    std::vector<std::string> strings() {
        const std::uint32_t n = u32();
        if (n > in_.size()) {
            throw std::out_of_range("cache: bad count");
        }
        std::vector<std::string> out;
        out.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            out.emplace_back(str());
        }
        return out;
    }
    std::size_t offset() const { return at_; }
    void seek(std::size_t offset) { at_ = offset; }
    bool done() const { return at_ == in_.size(); }

  private:
    template <typename T>
    T fixed() {
        T v;
        std::memcpy(&v, take(sizeof v).data(), sizeof v);
        return v;
    }
    std::string_view take(std::size_t n) {
        if (n > in_.size() - at_) {
            throw std::out_of_range("cache: truncated");
        }
        auto s = in_.substr(at_, n);
        at_ += n;
        return s;
    }
    std::string_view in_;
    std::size_t at_ = 0;
};

} // namespace spark
