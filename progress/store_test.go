package progress

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

func open(t *testing.T, dir, profile string) (*Store, *State, string) {
	t.Helper()
	s, st, notice, err := Open(Options{Pack: "essay", Profile: profile, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return s, st, notice
}

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s, st, notice := open(t, dir, "")
	if notice != "" || !st.Position.IsZero() {
		t.Fatalf("a first start should be fresh and quiet: %q %+v", notice, st)
	}
	st.SetPosition(3, "p29")
	st.MarkRead("3.1")
	st.SetNote("3", "Ask about floors and ceilings.\nSecond line — with a dash.")
	st.SetTheme("light")
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "essay", "default.json")); err != nil {
		t.Fatalf("progress should live in <dir>/<pack>/<profile>.json: %v", err)
	}
	_, got, notice := open(t, dir, "")
	if notice != "" {
		t.Fatal(notice)
	}
	if got.Position.Chapter != 3 || got.Position.Paragraph != "p29" || !got.IsRead("3.1") ||
		got.Note("3") != st.Note("3") || got.Theme != "light" {
		t.Fatalf("round trip lost something: %+v", got)
	}
	// profiles are separate
	_, other, _ := open(t, dir, "facilitator")
	if !other.Position.IsZero() {
		t.Fatal("a new profile should start fresh")
	}
}

func TestNoSaveWritesNothing(t *testing.T) {
	dir := t.TempDir()
	s, st, _, err := Open(Options{Pack: "essay", Dir: dir, NoSave: true})
	if err != nil {
		t.Fatal(err)
	}
	st.SetPosition(1, "p2")
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("--no-save wrote %v", entries)
	}
}

func TestBadProfileName(t *testing.T) {
	for _, name := range []string{"../x", "a/b", ".hidden", strings.Repeat("x", 65), "sp ace"} {
		if _, _, _, err := Open(Options{Pack: "essay", Profile: name, Dir: t.TempDir()}); err == nil {
			t.Errorf("profile %q accepted", name)
		}
	}
}

func TestNewerVersionFieldsAreKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "essay", "default.json")
	os.MkdirAll(filepath.Dir(path), 0o755)
	os.WriteFile(path, []byte(`{"version": 7, "pack": "essay", "position": {"chapter": 2, "paragraph": "p12"},
		"flashcards": {"deck": [1, 2, 3]}, "read": {"2.1": true}}`), 0o644)
	s, st, notice := open(t, dir, "")
	if notice != "" || st.Position.Paragraph != "p12" || !st.IsRead("2.1") {
		t.Fatalf("a newer file should load: %q %+v", notice, st)
	}
	st.MarkRead("2.2")
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	var back map[string]any
	json.Unmarshal(b, &back)
	if back["flashcards"] == nil || back["version"] != float64(7) {
		t.Fatalf("fields from the newer version were lost: %s", b)
	}
}

func TestDamagedFilesAreKeptAsideAndStartFresh(t *testing.T) {
	huge := bytes.Repeat([]byte(" "), MaxFileSize+10)
	cases := map[string][]byte{
		"empty":      {},
		"truncated":  []byte(`{"version": 1, "pack": "essay", "position": {"chap`),
		"binary":     {0x00, 0xff, 0x13, 0x37, 0x89, 'P', 'N', 'G'},
		"huge":       huge,
		"array":      []byte(`[1, 2, 3]`),
		"no version": []byte(`{"pack": "essay"}`),
		"wrong type": []byte(`{"version": 1, "read": "all of it"}`),
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "essay", "default.json")
			os.MkdirAll(filepath.Dir(path), 0o755)
			os.WriteFile(path, content, 0o644)
			s, st, notice := open(t, dir, "")
			if !st.Position.IsZero() || len(st.Read) != 0 {
				t.Fatal("should start fresh")
			}
			if !strings.Contains(notice, "could not be read") || !strings.Contains(notice, "kept as") {
				t.Fatalf("notice should say what happened and where the file went: %q", notice)
			}
			matches, _ := filepath.Glob(path + ".damaged-*")
			if len(matches) != 1 || !strings.Contains(notice, matches[0]) {
				t.Fatalf("damaged file not kept aside: %v", matches)
			}
			if kept, _ := os.ReadFile(matches[0]); !bytes.Equal(kept, content) {
				t.Fatal("the damaged file was altered")
			}
			st.SetPosition(1, "p3")
			if err := s.Save(st); err != nil {
				t.Fatalf("saving after a fresh start: %v", err)
			}
		})
	}
}

func TestTwoDamagedFilesInOneSecondAreBothKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "essay", "default.json")
	os.MkdirAll(filepath.Dir(path), 0o755)
	fixed := time.Date(2026, 11, 25, 2, 42, 57, 0, time.UTC)
	for _, content := range []string{"first garbage", "second garbage"} {
		os.WriteFile(path, []byte(content), 0o644)
		s := &Store{path: path, clock: func() time.Time { return fixed }}
		if st, notice := s.load(); st != nil || notice == "" {
			t.Fatal("garbage should be set aside")
		}
	}
	matches, _ := filepath.Glob(path + ".damaged-*")
	if len(matches) != 2 {
		t.Fatalf("want both damaged files kept, got %v", matches)
	}
}

func TestUnwritablePlaceTurnsSavingOff(t *testing.T) {
	dir := t.TempDir()
	// a file where the pack's directory should be: nothing can be written
	os.WriteFile(filepath.Join(dir, "essay"), []byte("in the way"), 0o644)
	s, st, _ := open(t, dir, "")
	st.SetPosition(1, "p2")
	err := s.Save(st)
	if err == nil {
		t.Fatal("saving into an unwritable place should fail")
	}
	if s.Off() == nil {
		t.Fatal("after a failure saving should be off")
	}
	if err2 := s.Save(st); err2 == nil || err2.Error() != err.Error() {
		t.Fatalf("later saves should report the same failure, got %v", err2)
	}
}

func TestReadOnlyDirectory(t *testing.T) {
	dir := t.TempDir()
	s, st, _ := open(t, dir, "")
	st.SetPosition(1, "p2")
	s.Save(st)
	os.Chmod(filepath.Join(dir, "essay"), 0o555)
	defer os.Chmod(filepath.Join(dir, "essay"), 0o755)
	if os.Geteuid() == 0 {
		// root writes to read-only directories (and CI runs as root):
		// there, creating the temporary file fails as it would for anyone
		s.ops = &recorder{fail: "create"}
	}
	st.SetPosition(2, "p10")
	if err := s.Save(st); err == nil || s.Off() == nil {
		t.Fatal("a read-only directory should turn saving off")
	}
	_, back, _ := open(t, dir, "")
	if back.Position.Paragraph != "p2" {
		t.Fatal("the last good save was damaged")
	}
}

func TestTwoCopiesSavingAtOnceLoseNothing(t *testing.T) {
	dir := t.TempDir()
	const rounds = 40
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, st, _ := open(t, dir, "")
			for i := range rounds {
				st.MarkRead(fmt.Sprintf("w%d.%d", w, i))
				if err := s.Save(st); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	_, st, notice := open(t, dir, "")
	if notice != "" {
		t.Fatal(notice)
	}
	for w := range 2 {
		for i := range rounds {
			if !st.IsRead(fmt.Sprintf("w%d.%d", w, i)) {
				t.Fatalf("writer %d's section %d was lost", w, i)
			}
		}
	}
}

func TestMerge(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	disk := New()
	disk.Read = map[string]bool{"1.1": true}
	disk.Position = Position{Chapter: 4, Paragraph: "p30", At: t0.Add(time.Hour)}
	disk.Notes = map[string]Note{"1": {"disk newer", t0.Add(time.Hour)}, "2": {"disk older", t0}, "5": {"only on disk", t0}}
	mine := New()
	mine.Read = map[string]bool{"2.1": true}
	mine.Position = Position{Chapter: 2, Paragraph: "p12", At: t0}
	mine.Notes = map[string]Note{"1": {"mine older", t0}, "2": {"", t0.Add(time.Minute)}}
	out := merge(disk, mine)
	if !out.IsRead("1.1") || !out.IsRead("2.1") {
		t.Error("read sections should be united")
	}
	if out.Position.Paragraph != "p30" {
		t.Error("the later position should win")
	}
	if out.Note("1") != "disk newer" || out.Note("2") != "" || out.Note("5") != "only on disk" {
		t.Errorf("notes: %+v", out.Notes)
	}
}

// A child process saves over and over; it is killed at random moments. The
// file must always be a complete save: never a mixture, never truncated.
func TestSaveSurvivesBeingKilled(t *testing.T) {
	if os.Getenv("PROGRESS_CRASH_DIR") != "" {
		crashChild(os.Getenv("PROGRESS_CRASH_DIR"))
		return
	}
	if testing.Short() {
		t.Skip("kills a child process many times")
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 40 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSaveSurvivesBeingKilled$")
		cmd.Env = append(os.Environ(), "PROGRESS_CRASH_DIR="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(5+rng.IntN(40)) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		path := filepath.Join(dir, "essay", "default.json")
		b, err := os.ReadFile(path)
		if os.IsNotExist(err) {
			continue
		}
		st, err := decode(b)
		if err != nil {
			t.Fatalf("kill %d left a damaged file: %v", i, err)
		}
		if n := st.Note("1"); len(n) != 200_000 || strings.Trim(n, n[:1]) != "" {
			t.Fatalf("kill %d left a note of %d bytes mixing versions", i, len(n))
		}
	}
}

func crashChild(dir string) {
	s, _, _, err := Open(Options{Pack: "essay", Dir: dir})
	if err != nil {
		os.Exit(2)
	}
	for i := 0; ; i++ {
		st := New()
		st.SetPosition(1, fmt.Sprintf("p%d", i))
		st.SetNote("1", strings.Repeat(string(rune('a'+i%26)), 200_000))
		if err := s.Save(st); err != nil {
			os.Exit(3)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"version":1,"pack":"essay","position":{"chapter":3,"paragraph":"p29"},"read":{"3.1":true},"notes":{"3":{"text":"hi"}}}`))
	f.Add([]byte(`{"version":2,"x":[1,{"y":null}]}`))
	f.Add([]byte(``))
	f.Add([]byte{0xff, 0xfe})
	f.Fuzz(func(t *testing.T, b []byte) {
		st, err := decode(b)
		if err != nil {
			return
		}
		again, err := st.MarshalJSON()
		if err != nil {
			t.Fatalf("a loaded state does not save: %v", err)
		}
		st2, err := decode(again)
		if err != nil {
			t.Fatalf("a saved state does not load: %v\n%s", err, again)
		}
		if st2.Position != st.Position || len(st2.Read) != len(st.Read) || len(st2.Notes) != len(st.Notes) {
			t.Fatalf("round trip changed the state:\n%+v\n%+v", st, st2)
		}
	})
}

// A save cut short by kill -9 leaves a temporary file; the next start
// removes this profile's, unless another copy holds the lock (its save is
// under way), and never touches another profile's or other files.
func TestStaleTemporaryFilesAreRemovedAtStart(t *testing.T) {
	dir := t.TempDir()
	pdir := filepath.Join(dir, "essay")
	os.MkdirAll(pdir, 0o755)
	mine := filepath.Join(pdir, "default.json.tmp-123456")
	other := filepath.Join(pdir, "tuesday.json.tmp-99")
	notes := filepath.Join(pdir, "default.json.notes")
	for _, f := range []string{mine, other, notes} {
		os.WriteFile(f, []byte("half a save"), 0o644)
	}
	held := flock.New(filepath.Join(pdir, "default.json.lock"))
	if ok, err := held.TryLock(); !ok || err != nil {
		t.Fatal(ok, err)
	}
	open(t, dir, "")
	if _, err := os.Stat(mine); err != nil {
		t.Fatal("a temporary file was removed while another copy held the lock")
	}
	held.Unlock()
	open(t, dir, "")
	if _, err := os.Stat(mine); err == nil {
		t.Fatal("the stale temporary file is still there")
	}
	for _, f := range []string{other, notes} {
		if _, err := os.Stat(f); err != nil {
			t.Fatalf("%s was removed: %v", f, err)
		}
	}
}

// A directory where the progress file should be is not "an empty file":
// the notice says what is there, nothing is moved, and saving is off
// (writing would fail) until it is moved away.
func TestADirectoryInThePlaceOfTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "essay", "default.json")
	if err := os.MkdirAll(filepath.Join(path, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	s, st, notice := open(t, dir, "")
	if !strings.Contains(notice, path+" is a directory, not a file") || strings.Contains(notice, "empty") {
		t.Fatalf("the notice for a directory: %q", notice)
	}
	if info, err := os.Stat(filepath.Join(path, "inside")); err != nil || !info.IsDir() {
		t.Fatal("the directory was moved or changed")
	}
	if aside, _ := filepath.Glob(path + ".damaged-*"); len(aside) != 0 {
		t.Fatalf("the directory was kept aside as damaged: %v", aside)
	}
	st.SetPosition(1, "p2")
	if err := s.Save(st); err == nil || s.Off() == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Fatalf("saving over a directory: %v (off: %v)", err, s.Off())
	}
}
