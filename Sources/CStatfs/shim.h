// statfs(2) and mallopt(3), which Swift's Glibc module does not export: the store asks the
// first whether a data folder is on a network file system, where file locks cannot be
// trusted, and uses the second to keep the heap from holding on to freed memory.
#ifndef THIDUA_CSTATFS_SHIM_H
#define THIDUA_CSTATFS_SHIM_H
#if defined(__linux__)
#include <sys/vfs.h>

/// The file system's magic number (`f_type`) for `path`, or -1 with errno set.
static inline long long thidua_statfs_type(const char *path) {
    struct statfs info;
    if (statfs(path, &info) != 0) return -1;
    return (long long)(unsigned long)info.f_type;
}

#include <malloc.h>

/// Fixes the size of free memory at the top of the heap beyond which glibc gives it back to
/// the system (and so stops glibc raising it by itself after large blocks are freed).
/// 1 on success.
static inline int thidua_fix_trim_threshold(int bytes) {
    return mallopt(M_TRIM_THRESHOLD, bytes);
}
#endif
#endif
