package content

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
)

// skeleton is the smallest complete pack: every file, every kind of entry,
// and placeholder text that passes Validate. docs/packs.md shows it whole.
//
//go:embed skeleton
var skeleton embed.FS

// SkeletonFiles is the skeleton pack, laid out as a pack directory: what
// WriteSkeleton writes and docs/packs.md shows.
func SkeletonFiles() fs.FS {
	sub, err := fs.Sub(skeleton, "skeleton")
	if err != nil {
		panic(err) // the embedded directory is always there
	}
	return sub
}

// WriteSkeleton writes the skeleton pack into dir, for `pack init`: a
// starting point that validates, to be edited into a pack. It creates dir
// if needed and refuses a directory that already has anything in it, so it
// never overwrites an author's work.
func WriteSkeleton(dir string) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: pack init writes a new pack into an empty or new directory", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot use %s for a new pack: %w", dir, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create %s: %w", dir, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	files := SkeletonFiles()
	return fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if dir := path.Dir(name); dir != "." {
			if err := root.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		return writeNew(root, files, name)
	})
}

// writeNew copies one file into root, failing rather than replacing a file
// that appeared meanwhile.
func writeNew(root *os.Root, files fs.FS, name string) error {
	src, err := files.Open(name)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}
