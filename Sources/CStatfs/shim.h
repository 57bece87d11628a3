// statfs(2), which Swift's Glibc module does not export: the store asks it whether a data
// folder is on a network file system, where file locks cannot be trusted.
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
#endif
#endif
