// libFuzzer target: the language server on an arbitrary byte stream, as an editor (or a broken
// pipe) might send it: framing, JSON, requests in any order. The server must answer or skip every
// message and end cleanly at the end of the input; the sanitizers catch everything else.
#include <cstdint>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "server.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The stream as a file the server reads to its end: a pipe would block on large inputs.
    const int in = memfd_create("lsp-input", 0);
    if (in < 0) return 0;
    for (std::size_t done = 0; done < size;) {
        const auto n = write(in, data + done, size - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    lseek(in, 0, SEEK_SET);
    static const int out = open("/dev/null", O_WRONLY);
    xxgk::lsp::serve(in, out, {});
    close(in);
    return 0;
}
