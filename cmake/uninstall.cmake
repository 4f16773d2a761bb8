# make uninstall: removes the files CMake's install step listed in its
# manifest (build/install_manifest.txt, one absolute path a line, without the
# DESTDIR they were staged under: pass the same DESTDIR to uninstall), and
# nothing else: no folder is removed, since PREFIX/bin is shared with other
# programs. Files already gone are named and skipped. Run as:
#   DESTDIR=... cmake -DMANIFEST=build/install_manifest.txt -P cmake/uninstall.cmake
if(NOT DEFINED MANIFEST)
  message(FATAL_ERROR "uninstall: pass -DMANIFEST=<build>/install_manifest.txt")
endif()
if(NOT EXISTS "${MANIFEST}")
  message(FATAL_ERROR "uninstall: ${MANIFEST} does not exist: nothing was installed from this build tree")
endif()
file(STRINGS "${MANIFEST}" installed)
foreach(listed IN LISTS installed)
  set(f "$ENV{DESTDIR}${listed}")
  if(IS_SYMLINK "${f}" OR EXISTS "${f}")
    message(STATUS "Removing ${f}")
    file(REMOVE "${f}")
    if(IS_SYMLINK "${f}" OR EXISTS "${f}")
      message(FATAL_ERROR "uninstall: could not remove ${f}")
    endif()
  else()
    message(STATUS "Already gone: ${f}")
  endif()
endforeach()
