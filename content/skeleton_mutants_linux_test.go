package content_test

import (
	"path/filepath"
	"syscall"
	"testing"

	"studyguide/content"
)

// `pack init` on a disk that fills up says so, rather than leaving cut-off
// files behind as if all went well. The disk filling up is played by a
// limit on file size (Go ignores SIGXFSZ, so a write past it fails with
// EFBIG), set only while the skeleton is written.
func TestWriteSkeletonReportsAWriteThatFails(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pack")
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skip(err)
	}
	small := old
	small.Cur = 64 // bytes: every skeleton file is longer
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &small); err != nil {
		t.Skip(err)
	}
	err := content.WriteSkeleton(dir)
	if rerr := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); rerr != nil {
		t.Fatalf("restoring the file size limit: %v", rerr)
	}
	if err == nil {
		t.Error("the skeleton was written to a disk that took only 64 bytes a file, and WriteSkeleton reported no error")
	}
}
