# Traditional→simplified code-point table, generated at build time from ICU's
# "Hant-Hans" transliterator so that it always matches the ICU we build with,
# while the library itself never runs the (slow) transliterator.
#
# Include this from source/CMakeLists.txt, in the same directory that defines
# xxgk_source (CMake attaches a custom command's output only to targets of
# its own directory):
#
#   include(hant_hans.cmake)
#   add_library(xxgk_source STATIC ... ${XXGK_HANT_HANS_SOURCES})
#   target_include_directories(xxgk_source PRIVATE ${XXGK_HANT_HANS_INC_DIR})

add_executable(gen_hant_hans ${CMAKE_CURRENT_LIST_DIR}/gen_hant_hans.cpp)
target_link_libraries(gen_hant_hans PRIVATE ICU::i18n ICU::uc)

add_custom_command(
  OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/hant_hans_table.inc
  COMMAND gen_hant_hans ${CMAKE_CURRENT_BINARY_DIR}/hant_hans_table.inc
  DEPENDS gen_hant_hans
  COMMENT "Generating hant_hans_table.inc from ICU's Hant-Hans transliterator"
  VERBATIM)

# Where hant_hans.cpp finds hant_hans_table.inc.
set(XXGK_HANT_HANS_INC_DIR ${CMAKE_CURRENT_BINARY_DIR})
# Listing the generated table as a source makes xxgk_source depend on it.
set(XXGK_HANT_HANS_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/hant_hans.cpp
    ${CMAKE_CURRENT_BINARY_DIR}/hant_hans_table.inc)
