#include "text_document.hpp"

#include <algorithm>

namespace xxgk::lsp {

namespace {

// Bytes of the UTF-8 sequence a lead byte starts; a stray continuation byte counts as one
// character, so that no offset is ever skipped.
std::uint32_t sequence_length(unsigned char lead) {
    if (lead < 0xC0) return 1;
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    return 4;
}

// What one character of `bytes` UTF-8 bytes counts in encoding `e`.
std::uint32_t units(std::uint32_t bytes, PositionEncoding e) {
    switch (e) {
        case PositionEncoding::Utf8: return bytes;
        case PositionEncoding::Utf16: return bytes == 4 ? 2 : 1;
        case PositionEncoding::Utf32: return 1;
    }
    return 1;
}

}  // namespace

std::string_view encoding_name(PositionEncoding e) {
    switch (e) {
        case PositionEncoding::Utf8: return "utf-8";
        case PositionEncoding::Utf16: return "utf-16";
        case PositionEncoding::Utf32: return "utf-32";
    }
    return "utf-16";
}

std::optional<PositionEncoding> find_encoding(std::string_view name) {
    if (name == "utf-8") return PositionEncoding::Utf8;
    if (name == "utf-16") return PositionEncoding::Utf16;
    if (name == "utf-32") return PositionEncoding::Utf32;
    return std::nullopt;
}

TextDocument::TextDocument(std::string text) : text_(std::move(text)) { index_lines(); }

void TextDocument::index_lines() {
    line_starts_.assign(1, 0);
    for (std::uint32_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
        if (text_[i] == '\n' || text_[i] == '\r') line_starts_.push_back(i + 1);
    }
}

std::uint32_t TextDocument::line_end(std::uint32_t line) const {
    if (line + 1 >= line_starts_.size()) return static_cast<std::uint32_t>(text_.size());
    std::uint32_t end = line_starts_[line + 1] - 1;  // the terminator's last byte
    if (text_[end] == '\n' && end > line_starts_[line] && text_[end - 1] == '\r') --end;
    return end;
}

std::uint32_t TextDocument::offset_of(Position p, PositionEncoding e) const {
    if (p.line >= line_starts_.size()) return static_cast<std::uint32_t>(text_.size());
    const std::uint32_t end = line_end(p.line);
    std::uint32_t offset = line_starts_[p.line], counted = 0;
    while (offset < end) {
        const std::uint32_t bytes = std::min(sequence_length(static_cast<unsigned char>(text_[offset])), end - offset);
        const std::uint32_t width = units(bytes, e);
        if (counted + width > p.character) break;
        counted += width;
        offset += bytes;
    }
    return offset;
}

Position TextDocument::position_of(std::uint32_t offset, PositionEncoding e) const {
    offset = std::min(offset, static_cast<std::uint32_t>(text_.size()));
    const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const auto line = static_cast<std::uint32_t>(after - line_starts_.begin() - 1);
    // An offset inside a line terminator (between CR and LF) is at the end of its line.
    const std::uint32_t target = std::min(offset, line_end(line));
    std::uint32_t at = line_starts_[line], counted = 0;
    while (at < target) {
        const std::uint32_t bytes = std::min(sequence_length(static_cast<unsigned char>(text_[at])), target - at);
        counted += units(bytes, e);
        at += bytes;
    }
    return {line, counted};
}

void TextDocument::replace(std::uint32_t begin, std::uint32_t end, std::string_view replacement) {
    const auto size = static_cast<std::uint32_t>(text_.size());
    begin = std::min(begin, size);
    end = std::clamp(end, begin, size);
    text_.replace(begin, end - begin, replacement);
    index_lines();
}

void TextDocument::assign(std::string text) {
    text_ = std::move(text);
    index_lines();
}

}  // namespace xxgk::lsp
