package content_test

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"studyguide/content"
)

const packHead = "id: tiny\ntitle: Tiny\narticle: article.md\n"

// metaProblems validates a pack whose pack.yaml is meta.
func metaProblems(t *testing.T, fsys fs.FS) string {
	t.Helper()
	probs, _ := content.Validate(fsys)
	return fmt.Sprint(probs)
}

func withMeta(meta string) fstest.MapFS {
	return fstest.MapFS{"pack.yaml": {Data: []byte(meta)}, "article.md": {Data: []byte("<!-- chapter: One -->\n\nText.\n")}}
}

// padded is pack.yaml padded with comment lines to exactly n bytes.
func padded(n int) string {
	s := packHead
	for len(s) < n {
		line := "# " + strings.Repeat("x", min(1000, max(0, n-len(s)-3))) + "\n"
		s += line[:min(len(line), n-len(s))]
	}
	return s
}

// A pack file's limits hold exactly: pack.yaml of 64 KiB is read and one
// byte more refused, saying both sizes; 50,000 lines are read and 50,001
// refused; a line of 16 KiB is read and one byte more refused.
func TestPackFileLimits(t *testing.T) {
	lines := func(n int) string { return packHead + strings.Repeat("\n", n-strings.Count(packHead, "\n")-1) }
	if len(padded(64<<10)) != 64<<10 || strings.Count(lines(50000), "\n")+1 != 50000 {
		t.Fatal("the test's own files are not the sizes it means")
	}
	for _, c := range []struct {
		name, meta, want, not string
	}{
		{"64 KiB", padded(64 << 10), "", "the limit for this file"},
		{"64 KiB and a byte", padded(64<<10 + 1), "pack.yaml: is 65537 bytes; the limit for this file is 64 KiB (65536 bytes)", ""},
		{"50,000 lines", lines(50000), "", "lines; a pack file may have"},
		{"50,001 lines", lines(50001), "pack.yaml: has 50001 lines; a pack file may have at most 50000", ""},
		{"a line of 16 KiB", packHead + "# " + strings.Repeat("x", 16<<10-2) + "\n", "", "keep lines under"},
		{"a line of 16 KiB and a byte", packHead + "# " + strings.Repeat("x", 16<<10-1) + "\n", "pack.yaml:4: line is 16 KiB long; keep lines under 16 KiB", ""},
	} {
		got := metaProblems(t, withMeta(c.meta))
		if c.want != "" && !strings.Contains(got, c.want) || c.not != "" && strings.Contains(got, c.not) {
			t.Errorf("%s: want %q, not %q:\n%.400s", c.name, c.want, c.not, got)
		}
	}
}

// grownFS reports a file smaller than it is, as when it grows between
// being measured and being read.
type grownFS struct {
	fstest.MapFS
	name string
	size int64
}

func (f grownFS) Stat(name string) (fs.FileInfo, error) {
	info, err := f.MapFS.Stat(name)
	if err != nil || name != f.name {
		return info, err
	}
	return sizedInfo{info, f.size}, nil
}

// A file that grew past its limit after it was measured is still refused,
// by what was read; one that grew to exactly its limit is read.
func TestPackFileGrownWhileRead(t *testing.T) {
	for _, c := range []struct {
		size    int
		refused bool
	}{{64 << 10, false}, {64<<10 + 1, true}} {
		fsys := grownFS{withMeta(padded(c.size)), "pack.yaml", 10}
		got := metaProblems(t, fsys)
		if refused := strings.Contains(got, "pack.yaml: is larger than 64 KiB, the limit for this file"); refused != c.refused {
			t.Errorf("pack.yaml grown to %d bytes: refused %v:\n%.300s", c.size, refused, got)
		}
	}
}
