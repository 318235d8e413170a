# GoogleTest.cmake — GoogleTest built from Debian's sources once per flavour
# (gtest_plain, gtest_asan, ...), so that the sanitizers see its code too: an
# uninstrumented gtest hides its memory from ASan and its synchronisation
# from TSan.

find_path(BUGHUNT_GTEST_SRC src/gtest-all.cc
          PATHS /usr/src/googletest/googletest /usr/src/gtest REQUIRED)
foreach(flavour IN LISTS BUGHUNT_FLAVOURS)
  add_library(gtest_${flavour} STATIC EXCLUDE_FROM_ALL
              ${BUGHUNT_GTEST_SRC}/src/gtest-all.cc ${BUGHUNT_GTEST_SRC}/src/gtest_main.cc)
  target_include_directories(gtest_${flavour} SYSTEM PUBLIC ${BUGHUNT_GTEST_SRC}/include
                             PRIVATE ${BUGHUNT_GTEST_SRC})
  target_link_libraries(gtest_${flavour} PUBLIC Threads::Threads)
  bughunt_flavour(gtest_${flavour} ${flavour})
endforeach()
