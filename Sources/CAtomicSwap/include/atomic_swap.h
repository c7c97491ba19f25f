#ifndef POLICYSITE_ATOMIC_SWAP_H
#define POLICYSITE_ATOMIC_SWAP_H

/// Exchanges two existing paths in one atomic step (Linux renameat2 with RENAME_EXCHANGE,
/// macOS renamex_np with RENAME_SWAP). Returns 0 on success, -1 with errno set otherwise;
/// errno is ENOSYS or EINVAL where the platform or file system cannot do it.
int policysite_exchange_paths(const char *first, const char *second);

/// Flushes the file system holding `descriptor` to disk (Linux syncfs, which Swift's Glibc module
/// does not declare; `sync` elsewhere). Returns 0 on success, -1 with errno set otherwise.
int policysite_sync_file_system(int descriptor);

#endif
