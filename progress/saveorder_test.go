package progress

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// recorder does the real file operations and writes down each one, so a
// test can check their order; fail names an operation ("sync", "rename"…)
// that fails instead.
type recorder struct {
	ops  []string
	fail string
}

var errPlanted = errors.New("planted failure")

func (r *recorder) note(op, name string) error {
	r.ops = append(r.ops, op+" "+name)
	if op == r.fail {
		return errPlanted
	}
	return nil
}

func (r *recorder) CreateTemp(dir, pattern string) (tempFile, error) {
	if err := r.note("create", filepath.Join(dir, pattern)); err != nil {
		return nil, err
	}
	f, err := osOps{}.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &recordedFile{f: f, r: r}, nil
}

func (r *recorder) Rename(from, to string) error {
	if err := r.note("rename", from+" -> "+to); err != nil {
		return err
	}
	return os.Rename(from, to)
}

func (r *recorder) Remove(name string) error {
	r.note("remove", name)
	return os.Remove(name)
}

func (r *recorder) SyncDir(dir string) error {
	if err := r.note("syncdir", dir); err != nil {
		return err
	}
	return osOps{}.SyncDir(dir)
}

type recordedFile struct {
	f tempFile
	r *recorder
}

func (f *recordedFile) Name() string { return f.f.Name() }

func (f *recordedFile) Write(b []byte) (int, error) {
	if err := f.r.note("write", fmt.Sprintf("%s %d", f.f.Name(), len(b))); err != nil {
		return 0, err
	}
	return f.f.Write(b)
}

func (f *recordedFile) Sync() error {
	if err := f.r.note("sync", f.f.Name()); err != nil {
		return err
	}
	return f.f.Sync()
}

func (f *recordedFile) Close() error {
	if err := f.r.note("close", f.f.Name()); err != nil {
		f.f.Close()
		return err
	}
	return f.f.Close()
}

// A save that a power cut cannot half-do: the new progress goes to a
// temporary file beside the old one, is written in full, synced to the disk
// and closed before it is renamed over the old file; the directory is
// synced after the rename, so the rename itself survives; and the progress
// file is never opened for writing, so a crash mid-write leaves the old
// one whole.
func TestSaveOrder(t *testing.T) {
	dir := t.TempDir()
	s, st, _ := open(t, dir, "")
	st.SetPosition(1, "p2")
	if err := s.Save(st); err != nil { // an old file to replace
		t.Fatal(err)
	}
	old, _ := os.ReadFile(s.Path())
	// A second name for the old file: if the save wrote into the file in
	// place rather than renaming a new one over it, this would change too.
	keep := filepath.Join(dir, "kept")
	if err := os.Link(s.Path(), keep); err != nil {
		t.Fatal(err)
	}

	rec := &recorder{}
	s.ops = rec
	st.SetPosition(4, "p40")
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(s.Path())
	if !strings.Contains(string(want), "p40") {
		t.Fatalf("the new progress is not in the file:\n%s", want)
	}
	if got, _ := os.ReadFile(keep); string(got) != string(old) {
		t.Fatal("the progress file was written in place, not replaced by a rename")
	}

	var tmp string
	if len(rec.ops) > 0 {
		if f, ok := strings.CutPrefix(rec.ops[0], "create "); ok {
			tmp = f
		}
	}
	if tmp == "" || filepath.Dir(tmp) != filepath.Dir(s.Path()) {
		t.Fatalf("the save must begin with a temporary file in the progress file's directory (a rename is atomic only there); it did: %q", rec.ops)
	}
	// The temporary file's real name, from the rename.
	var name string
	for _, op := range rec.ops {
		if rest, ok := strings.CutPrefix(op, "rename "); ok {
			name, _, _ = strings.Cut(rest, " -> ")
		}
	}
	wantOps := []string{
		"create " + tmp,
		fmt.Sprintf("write %s %d", name, len(want)),
		"sync " + name,
		"close " + name,
		"rename " + name + " -> " + s.Path(),
		"syncdir " + filepath.Dir(s.Path()),
	}
	got := slices.DeleteFunc(slices.Clone(rec.ops), func(op string) bool { return op == "remove "+name })
	if !slices.Equal(got, wantOps) {
		t.Fatalf("the save did\n  %s\nwant\n  %s", strings.Join(rec.ops, "\n  "), strings.Join(wantOps, "\n  "))
	}
	for _, op := range rec.ops {
		if strings.HasPrefix(op, "remove ") && op != "remove "+name {
			t.Errorf("the save removed something other than its temporary file: %s", op)
		}
	}
	if temps, _ := filepath.Glob(s.Path() + ".tmp-*"); len(temps) > 0 {
		t.Fatalf("temporary files left behind: %v", temps)
	}
}

// When any step of a save fails, the save reports it, saving turns off, the
// last good progress file is untouched and no temporary file is left.
// (A failing directory sync is not a failed save: the file is in place.)
func TestSaveFailureAtEveryStep(t *testing.T) {
	for _, op := range []string{"create", "write", "sync", "close", "rename", "syncdir"} {
		t.Run(op, func(t *testing.T) {
			dir := t.TempDir()
			s, st, _ := open(t, dir, "")
			st.SetPosition(1, "p2")
			if err := s.Save(st); err != nil {
				t.Fatal(err)
			}
			old, _ := os.ReadFile(s.Path())
			rec := &recorder{fail: op}
			s.ops = rec
			st.SetPosition(4, "p40")
			err := s.Save(st)
			now, _ := os.ReadFile(s.Path())
			if temps, _ := filepath.Glob(s.Path() + ".tmp-*"); len(temps) > 0 {
				t.Errorf("a failed %s left temporary files: %v", op, temps)
			}
			if op == "syncdir" {
				if err != nil || !strings.Contains(string(now), "p40") {
					t.Fatalf("a directory that cannot be synced should not fail the save: %v", err)
				}
				return
			}
			if !errors.Is(err, errPlanted) || !errors.Is(s.Off(), errPlanted) {
				t.Fatalf("a failed %s: Save returned %v and Off %v; want the failure", op, err, s.Off())
			}
			if string(now) != string(old) {
				t.Fatalf("a failed %s changed the last good save:\n%s", op, now)
			}
			_, back, notice := open(t, dir, "")
			if notice != "" || back.Position.Paragraph != "p2" {
				t.Fatalf("after a failed %s the old progress does not load: %q %+v", op, notice, back.Position)
			}
		})
	}
}
