# Flavours.cmake — the flavours every binary is built in, and their flags.
#
#   plain  the build type's flags, no sanitizer
#   asan   AddressSanitizer + LeakSanitizer + UndefinedBehaviorSanitizer
#   tsan   ThreadSanitizer
#   ubsan  UndefinedBehaviorSanitizer alone: built only on request and never
#          tested (the detection matrix, `bughunt matrix`, asks for it)
#
# One build tree holds them all: a target carries its flavour in its name
# (pool_test_asan), so one configure, one build and one ctest run cover them,
# and the command line can build exactly the binary it needs. The command
# line's Flavour enum (harness/bughunt/flavour.h) lists the same four; its
# test checks the two lists agree.

set(BUGHUNT_FLAVOURS plain asan tsan ubsan)
set(BUGHUNT_TESTED_FLAVOURS plain asan tsan)

set(BUGHUNT_FLAGS_plain "")
set(BUGHUNT_FLAGS_asan -O1 -fno-omit-frame-pointer -fsanitize=address,undefined
                       -fno-sanitize-recover=all)
set(BUGHUNT_FLAGS_tsan -O1 -fno-omit-frame-pointer -fsanitize=thread)
set(BUGHUNT_FLAGS_ubsan -O1 -fno-omit-frame-pointer -fsanitize=undefined -fno-sanitize-recover=all)

# bughunt_flavour(<target> <flavour>): compile and link <target> in <flavour>.
function(bughunt_flavour target flavour)
  if(NOT flavour IN_LIST BUGHUNT_FLAVOURS)
    message(FATAL_ERROR "unknown flavour '${flavour}' (known: ${BUGHUNT_FLAVOURS})")
  endif()
  target_compile_options(${target} PRIVATE ${BUGHUNT_FLAGS_${flavour}})
  target_link_options(${target} PRIVATE ${BUGHUNT_FLAGS_${flavour}})
  target_compile_definitions(${target} PRIVATE BUGHUNT_FLAVOUR_${flavour}=1)
endfunction()
