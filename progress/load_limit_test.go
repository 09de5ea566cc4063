package progress

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOversizedFileIsKeptAside: a "progress file" over MaxFileSize is not
// read as progress; it is kept aside whole and the guide starts fresh.
func TestOversizedFileIsKeptAside(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvDir, dir)
	path := filepath.Join(dir, "p", "default.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	big := append([]byte(`{"version":1,"pack":"p","notes":{"1":{"text":"`), bytes.Repeat([]byte("x"), MaxFileSize)...)
	if err := os.WriteFile(path, append(big, `"}}}`...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, st, notice, err := Open(Options{Pack: "p"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(notice, "larger than 8 MB") || len(st.Notes) != 0 {
		t.Fatalf("an oversized file was read as progress (notice %q)", notice)
	}
	aside, _ := filepath.Glob(path + ".damaged-*")
	if len(aside) != 1 {
		t.Fatalf("the oversized file was not kept aside: %v", aside)
	}
	if info, err := os.Stat(aside[0]); err != nil || info.Size() != int64(len(big)+4) {
		t.Fatalf("the file kept aside is not the whole file: %v %v", info, err)
	}
}
