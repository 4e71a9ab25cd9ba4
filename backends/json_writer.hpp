#pragma once
// JSON written as it is produced, into one string, byte for byte as nlohmann::json's dump()
// lays it out (compact, or pretty with an indent of 2): the JSON outputs used to build a
// document tree per report only to print it, which cost three times the compilation itself.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::backends {

class JsonWriter {
public:
    // `indent` 0 writes compact JSON; `depth` is the nesting the first value stands at, for
    // objects written into an array that someone else brackets.
    explicit JsonWriter(std::string& out, int indent = 0, int depth = 0) : out_(out), indent_(indent), depth_(depth) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    // The key of the next member of the object being written.
    void key(std::string_view name);

    void string(std::string_view s);
    void number(std::int64_t n);
    void number(std::uint64_t n);
    void number(std::uint32_t n) { number(static_cast<std::uint64_t>(n)); }
    void number(int n) { number(static_cast<std::int64_t>(n)); }
    // The number a decimal literal (25.10) stands for, as nlohmann::json prints the double it
    // reads from it (25.1): the schema has always had these as JSON numbers.
    void decimal(std::string_view literal);
    void boolean(bool b);
    void null();

private:
    void open(char bracket);
    void close(char bracket);
    void before_value();  // the separator and indentation a value in an array needs
    void new_line(int depth);

    std::string& out_;
    int indent_;
    int depth_;
    std::vector<bool> has_members_;  // per open container: whether it has a member yet
    bool after_key_ = false;
};

// `s` as a JSON string literal, quotes included, escaped as nlohmann::json escapes with
// ensure_ascii off; bytes that are not UTF-8 become U+FFFD (error_handler_t::replace).
void append_json_string(std::string& out, std::string_view s);

}  // namespace xxgk::backends
