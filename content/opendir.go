package content

import (
	"fmt"
	"os"
)

// LoadDir loads the pack in dir, as Load does, through a file system that
// cannot reach outside the directory: names with "..", absolute names and
// symbolic links that lead out of it (or are absolute) are refused by the
// operating system, as os.Root guarantees. This is what --pack DIR uses.
func LoadDir(dir string) (*Pack, error) {
	root, err := openRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return Load(root.FS())
}

// ValidateDir checks the pack in dir, as Validate does. A directory that
// cannot be opened is itself a problem. This is what pack validate uses.
func ValidateDir(dir string) (problems, warnings Problems) {
	root, err := openRoot(dir)
	if err != nil {
		return Problems{{File: dir, Msg: err.Error()}}, nil
	}
	defer root.Close()
	return Validate(root.FS())
}

func openRoot(dir string) (*os.Root, error) {
	info, err := os.Stat(dir)
	switch {
	case err != nil:
		return nil, fmt.Errorf("cannot open the pack directory: %w", err)
	case !info.IsDir():
		return nil, fmt.Errorf("%s is not a directory: a pack is a directory with a %s", dir, MetaFile)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot open the pack directory: %w", err)
	}
	return root, nil
}
