#include "json_writer.hpp"

#include <charconv>
#include <nlohmann/json.hpp>
#include <unicode/utf8.h>

#include "json_diagnostic.hpp"

namespace xxgk::backends {

namespace {

bool is_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto n = static_cast<std::int32_t>(s.size());
    for (std::int32_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) return false;
    }
    return true;
}

bool needs_escape(char c) { return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\'; }

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    if (!is_utf8(s)) {
        // nlohmann's replacement of ill-formed sequences has rules of its own (which bytes one
        // U+FFFD stands for): a path that is not UTF-8 is rare enough to leave to it.
        out += nlohmann::ordered_json(s).dump(-1, ' ', false, kInvalidUtf8);
        return;
    }
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet written, which need no escape
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (!needs_escape(c)) continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\f': out += "\\f"; break;
            case '\r': out += "\\r"; break;
            default: {
                constexpr char hex[] = "0123456789abcdef";
                const auto b = static_cast<unsigned char>(c);
                out += "\\u00";
                out += hex[b >> 4];
                out += hex[b & 0xF];
            }
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

void JsonWriter::key(std::string_view name) {
    auto&& has_members = has_members_.back();
    if (has_members) out_ += ',';
    if (indent_ > 0) new_line(depth_);
    has_members = true;
    append_json_string(out_, name);
    out_ += indent_ > 0 ? ": " : ":";
    after_key_ = true;
}

void JsonWriter::string(std::string_view s) {
    before_value();
    append_json_string(out_, s);
}

void JsonWriter::number(std::int64_t n) {
    before_value();
    char digits[24];
    out_.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

void JsonWriter::number(std::uint64_t n) {
    before_value();
    char digits[24];
    out_.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

void JsonWriter::decimal(std::string_view literal) {
    before_value();
    out_ += nlohmann::ordered_json::parse(literal).dump();
}

void JsonWriter::boolean(bool b) {
    before_value();
    out_ += b ? "true" : "false";
}

void JsonWriter::null() {
    before_value();
    out_ += "null";
}

void JsonWriter::open(char bracket) {
    before_value();
    out_ += bracket;
    has_members_.push_back(false);
    ++depth_;
}

void JsonWriter::close(char bracket) {
    --depth_;
    // An empty container is {} or [] with nothing between, as nlohmann prints it.
    if (has_members_.back() && indent_ > 0) new_line(depth_);
    has_members_.pop_back();
    out_ += bracket;
}

void JsonWriter::before_value() {
    if (after_key_) {  // a member's value follows its key on the same line
        after_key_ = false;
        return;
    }
    if (has_members_.empty()) return;  // the outermost value
    auto&& has_members = has_members_.back();
    if (has_members) out_ += ',';
    if (indent_ > 0) new_line(depth_);
    has_members = true;
}

void JsonWriter::new_line(int depth) {
    out_ += '\n';
    out_.append(static_cast<std::size_t>(depth * indent_), ' ');
}

}  // namespace xxgk::backends
