# QuickFIX 1.15.1 as Debian ships it (libquickfix-dev). Its pkg-config file is stale (says 1.14.3),
# so the library and headers are found directly. Targets that include <quickfix/...> must compile as
# gnu++14 (dynamic exception specifications) and must never define HAVE_STD_UNIQUE_PTR: the library
# was built with std::auto_ptr. Use quickfix_target(<target>) to set both.
find_library(QUICKFIX_LIBRARY quickfix REQUIRED)
find_path(QUICKFIX_INCLUDE_DIR quickfix/Session.h REQUIRED)
find_package(LibXml2 REQUIRED)
find_package(Threads REQUIRED)

add_library(quickfix::quickfix INTERFACE IMPORTED)
set_target_properties(quickfix::quickfix PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${QUICKFIX_INCLUDE_DIR};${LIBXML2_INCLUDE_DIRS}"
  INTERFACE_LINK_LIBRARIES "${QUICKFIX_LIBRARY};${LIBXML2_LIBRARIES};Threads::Threads")

function(quickfix_target target)
  set_target_properties(${target} PROPERTIES CXX_STANDARD 14 CXX_EXTENSIONS ON)
  # auto_ptr is deprecated; QuickFIX's headers use it by design.
  target_compile_options(${target} PRIVATE -Wno-deprecated-declarations)
  target_link_libraries(${target} PRIVATE quickfix::quickfix)
endfunction()
