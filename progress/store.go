package progress

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"github.com/adrg/xdg"
	"github.com/gofrs/flock"
)

// EnvDir overrides where progress is kept (tests use it).
const EnvDir = "STUDYGUIDE_STATE_DIR"

// MaxFileSize bounds what Load reads; a larger file is not a progress file.
const MaxFileSize = 8 << 20

// Options say whose progress to open.
type Options struct {
	Pack    string // pack ID
	Profile string // "" is the default profile
	// Dir overrides the state directory; "" uses $STUDYGUIDE_STATE_DIR, then
	// the XDG state directory.
	Dir string
	// NoSave keeps everything in memory.
	NoSave bool
}

// Store keeps one profile's progress for one pack in a file. Saving is
// atomic (a complete temporary file renamed over the old one) and merges
// with what another running copy may have saved, under a lock, so two
// copies never leave a broken file and never lose each other's saves.
type Store struct {
	path  string // "" when saving is off from the start (--no-save)
	mu    sync.Mutex
	off   error // set when a save failed: saving is then off
	clock func() time.Time
	ops   fileOps // nil: the real file system (tests record or break it)
}

var safeName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// Dir is where progress is kept for these options.
func Dir(opts Options) string {
	switch {
	case opts.Dir != "":
		return opts.Dir
	case os.Getenv(EnvDir) != "":
		return os.Getenv(EnvDir)
	}
	return filepath.Join(xdg.StateHome, "studyguide")
}

// Open loads a profile's progress. A file that cannot be read as progress
// is renamed aside and fresh progress is returned with a notice saying
// where the old file went; the program carries on. The error is only for
// impossible options (a bad profile name).
func Open(opts Options) (*Store, *State, string, error) {
	if opts.Profile == "" {
		opts.Profile = "default"
	}
	if !safeName.MatchString(opts.Profile) {
		return nil, nil, "", fmt.Errorf("profile %q: use letters, digits, dots, dashes and underscores (at most 64)", opts.Profile)
	}
	if !safeName.MatchString(opts.Pack) {
		return nil, nil, "", fmt.Errorf("pack id %q cannot name a progress file", opts.Pack)
	}
	st := New()
	st.Pack = opts.Pack
	if opts.NoSave {
		return &Store{}, st, "", nil
	}
	s := &Store{path: filepath.Join(Dir(opts), opts.Pack, opts.Profile+".json")}
	s.removeStaleTemps()
	loaded, notice := s.load()
	if loaded != nil {
		loaded.Pack = opts.Pack
		return s, loaded, notice, nil
	}
	return s, st, notice, nil
}

// removeStaleTemps removes the temporary files a save cut short (the
// program killed mid-write) left beside the progress file. It does so only
// under the lock, so a save by another running copy is never disturbed.
func (s *Store) removeStaleTemps() {
	temps, _ := filepath.Glob(s.path + ".tmp-*")
	if len(temps) == 0 {
		return
	}
	lock := flock.New(s.path + ".lock")
	if ok, err := lock.TryLock(); err != nil || !ok {
		return // another copy is saving: its temporary file is not stale
	}
	defer lock.Unlock()
	for _, t := range temps {
		os.Remove(t)
	}
}

// Path is the progress file, "" when nothing is saved.
func (s *Store) Path() string { return s.path }

// Off reports why saving failed and was turned off, or nil. With --no-save
// nothing failed, so it is nil.
func (s *Store) Off() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.off
}

// load reads the file; a damaged one is set aside with a notice.
func (s *Store) load() (*State, string) {
	f, err := os.Open(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ""
	}
	if err != nil {
		return nil, fmt.Sprintf("Your saved progress could not be opened (%v); the guide starts fresh and will try to save again.", err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() { // not ours to move aside, nor to write over
		s.off = fmt.Errorf("%s is a directory, not a file: move it away to save progress again", s.path)
		return nil, fmt.Sprintf("Your saved progress could not be read: %s is a directory, not a file. The guide starts fresh and saves nothing until it is moved away.", s.path)
	}
	// Read what is there, up to one byte past the limit: a buffer of the
	// limit's size (8 MB, zeroed) cost every start 2-3 ms and a GC cycle.
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Sprintf("Your saved progress could not be read (%v); the guide starts fresh and will try to save again.", err)
	}
	var st *State
	if len(b) > MaxFileSize {
		err = fmt.Errorf("it is larger than %d MB", MaxFileSize>>20)
	} else {
		st, err = decode(b)
	}
	if err == nil {
		return st, ""
	}
	aside := s.asideName()
	if rerr := os.Rename(s.path, aside); rerr != nil {
		s.off = fmt.Errorf("the damaged progress file could not be moved aside: %w", rerr)
		return nil, fmt.Sprintf("Your saved progress could not be read: %v. It could not be moved aside either (%v); the guide starts fresh and will not save over it.", err, rerr)
	}
	return nil, fmt.Sprintf("Your saved progress could not be read: %v. It was kept as %s, and the guide starts fresh.", err, aside)
}

// asideName is a name for a damaged file that no earlier damaged file has:
// two in the same second must not overwrite each other.
func (s *Store) asideName() string {
	base := fmt.Sprintf("%s.damaged-%s", s.path, s.now().Format("20060102-150405"))
	name := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
}

func (s *Store) now() time.Time {
	if s.clock != nil {
		return s.clock()
	}
	return time.Now()
}

// Save writes the state, merged with what is on disk. After a failure
// (read-only or full disk) saving is off and Save keeps returning that
// error, so the program warns once and carries on.
func (s *Store) Save(st *State) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.path == "" {
		return nil
	}
	if s.off != nil {
		return s.off
	}
	if err := s.save(st); err != nil {
		s.off = err
		return err
	}
	return nil
}

func (s *Store) save(st *State) error {
	dir := filepath.Dir(s.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	lock := flock.New(s.path + ".lock")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ok, err := lock.TryLockContext(ctx, 10*time.Millisecond)
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("another copy of studyguide holds the progress lock")
	}
	defer lock.Unlock()
	out := st
	if b, err := os.ReadFile(s.path); err == nil {
		if disk, err := decode(b); err == nil {
			out = merge(disk, st)
		}
	}
	out.Version = max(out.Version, Version)
	b, err := out.MarshalJSON()
	if err != nil {
		return err
	}
	return writeAtomic(s.fileOps(), s.path, append(b, '\n'))
}

// writeAtomic replaces a file so that readers see the old content or the new,
// never a mixture: a temporary file in the same directory, written and
// synced, renamed over the old one, and the directory synced. (By hand
// rather than renameio, which does not support Windows.) The file
// operations go through ops, so a test can see their order.
func writeAtomic(ops fileOps, path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := ops.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer ops.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := ops.Rename(tmp.Name(), path); err != nil {
		return err
	}
	_ = ops.SyncDir(dir) // not supported everywhere; the rename is what matters
	return nil
}

// fileOps are the file operations of an atomic save.
type fileOps interface {
	CreateTemp(dir, pattern string) (tempFile, error)
	Rename(oldpath, newpath string) error
	Remove(name string) error
	// SyncDir makes a rename in dir durable.
	SyncDir(dir string) error
}

// tempFile is the temporary file a save writes before renaming it.
type tempFile interface {
	Name() string
	Write(b []byte) (int, error)
	Sync() error
	Close() error
}

// fileOps are the store's file operations: the real ones unless a test
// set its own.
func (s *Store) fileOps() fileOps {
	if s.ops != nil {
		return s.ops
	}
	return osOps{}
}

// osOps are the real file operations.
type osOps struct{}

func (osOps) CreateTemp(dir, pattern string) (tempFile, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func (osOps) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

func (osOps) Remove(name string) error { return os.Remove(name) }

func (osOps) SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
