package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/adrg/xdg"
	"github.com/spf13/cobra"

	"studyguide/content"
	"studyguide/internal/restgc"
	"studyguide/meeting"
	"studyguide/progress"
	"studyguide/room"
	"studyguide/sshdoor"
	"studyguide/tui"
	"studyguide/webdoor"
)

// serveFlags are serve's own flags.
type serveFlags struct {
	listen, web, hostKey, facilitatorKey, record, log string
	items, maxMembers                                 int
	seed                                              int64
	headless                                          bool
}

func newServeCmd(opts *options) *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve [CHAPTER]",
		Short: "Run a meeting over SSH: members join from their own terminals with ssh and the room code",
		Long: "Serves the presenter to a room. The facilitator's terminal shows the presenter with\n" +
			"the room around it: how to join (ssh -p PORT HOST and the room code), how many are\n" +
			"in, how many have voted. Members need nothing but ssh: each sees the step at their\n" +
			"own size, reads ahead or looks a term up on their own, and votes on quiz items;\n" +
			"the room sees only the counts, and the tally only when the facilitator reveals it.\n" +
			"On quitting, a meeting record is written as markdown (no names, no one's votes).\n\n" +
			"--headless runs without a screen (a server anyone in an online group can reach):\n" +
			"whoever joins with the facilitator code, or with a key in --facilitator-key, drives.",
		Example: "  studyguide serve 2\n  studyguide serve --listen :2299 --items 6\n" +
			"  studyguide serve --headless --facilitator-key ~/.ssh/authorized_keys",
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeChapters,
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := opts.chapterArg(args, 1)
			if err != nil {
				return err
			}
			return runServe(cmd, opts, f, n)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.listen, "listen", ":2222", "the address to listen on, HOST:PORT (:2222 is every address of this machine)")
	fl.StringVar(&f.web, "web", ":8080", `the address members' browsers join at, HOST:PORT ("" for none)`)
	fl.IntVarP(&f.items, "items", "n", 4, "quiz scenarios per chapter (0: all of them)")
	fl.Int64Var(&f.seed, "seed", 1, "which scenarios, in which order: the same seed gives the same ones")
	fl.IntVar(&f.maxMembers, "max-members", room.DefaultMaxMembers, "how many members may be in the room at once")
	fl.StringVar(&f.hostKey, "host-key", "", "the server's SSH host key (made on the first run; default under the XDG data directory)")
	fl.BoolVar(&f.headless, "headless", false, "no local screen: print how to join, and let a facilitator drive over SSH")
	fl.StringVar(&f.facilitatorKey, "facilitator-key", "", "with --headless: an authorized_keys file whose keys drive the room without a code")
	fl.StringVar(&f.record, "record", "", "write the meeting record to this new file (default: the state directory)")
	fl.StringVar(&f.log, "log", "", "add to this file a log of connections with what clients say about themselves (user names, keys, terminals)")
	return cmd
}

func runServe(cmd *cobra.Command, opts *options, f serveFlags, chapter int) error {
	if !f.headless && (!isTerminal(cmd.OutOrStdout()) || !isTerminal(os.Stdin)) {
		return errors.New("serve shows the presenter here and needs a terminal; use --headless to run without a screen")
	}
	if f.facilitatorKey != "" && !f.headless {
		return errors.New("--facilitator-key is for --headless rooms: here the facilitator drives from this terminal")
	}
	if f.record != "" {
		if _, err := os.Lstat(f.record); err == nil {
			return fmt.Errorf("--record %s already exists; choose another name (nothing is ever replaced)", f.record)
		}
	}
	if f.maxMembers < 1 {
		return fmt.Errorf("--max-members must be at least 1, not %d", f.maxMembers)
	}
	pack, err := opts.loadPack()
	if err != nil {
		return err
	}
	theme, err := parseTheme(opts.theme)
	if err != nil {
		return err
	}
	r, err := room.New(room.Config{Pack: pack, MaxMembers: f.maxMembers, FacilitatorCode: f.headless})
	if err != nil {
		return err
	}
	deck := tui.DeckOf(meeting.NewDeck(pack, f.items, f.seed)) // one deck for both doors
	logTo, logPath, closeLog, err := serveLog(f, cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	defer closeLog()
	// The SSH library's own messages (slog) and the log package's go to
	// the log, quoted, never to the presenter's screen.
	slog.SetDefault(slog.New(slog.NewTextHandler(logTo, nil)))
	log.SetOutput(logTo)
	if f.hostKey == "" {
		if f.hostKey, err = xdg.DataFile(filepath.Join("studyguide", "ssh_host_ed25519")); err != nil {
			return fmt.Errorf("the host key's directory: %w", err)
		}
	}
	srv, err := sshdoor.New(pack, r, deck, sshdoor.Config{Listen: f.listen, HostKey: f.hostKey, FacilitatorKeys: f.facilitatorKey,
		Log: logTo, LogNames: f.log != ""})
	if err != nil {
		return err
	}
	go restgc.Run(r.Subscribe().C()) // ends with the room
	served := make(chan error, 2)
	go func() { served <- srv.Serve() }()
	info := srv.Info()
	var web *webdoor.Server
	if f.web != "" {
		if web, err = webdoor.New(pack, r, deck.Meeting(), webdoor.Config{Listen: f.web, Log: logTo}); err != nil {
			srv.Shutdown(context.Background())
			return err
		}
		go func() { served <- web.Serve() }()
		info.Web = webURLs(f.web, web.Addr().(*net.TCPAddr).Port)
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	out := cmd.ErrOrStderr()
	if f.headless {
		_ = r.Show(deck.Start(chapter))
		printJoin(out, info, r.FacilitatorCode(), f.facilitatorKey != "")
		select {
		case <-ctx.Done():
		case err = <-served:
		}
	} else {
		// Bubble Tea writes a crashed session's trace to the process's
		// standard error, which is the presenter's screen: the log takes it.
		if f, ok := logTo.(*os.File); ok {
			saved := os.Stderr
			os.Stderr = f
			defer func() { os.Stderr = saved }()
		}
		err = runFacilitator(ctx, opts, pack, r, tui.Options{Present: true, Chapter: chapter, Theme: theme, NoColor: os.Getenv("NO_COLOR") != "",
			PresentItems: f.items, PresentSeed: f.seed, Room: &tui.RoomOptions{Room: r, Deck: deck, Info: info}})
	}
	down, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(down)
	if web != nil {
		web.Shutdown(down)
	}
	fmt.Fprintln(out, "The meeting has ended; everyone in the room was told.")
	what := "addresses and times, no names"
	if f.log != "" {
		what = "addresses, times, and the user names, keys and terminals clients sent"
	}
	if logPath != "" {
		fmt.Fprintf(out, "Connections were logged (%s) in %s.\n", what, logPath)
	} else {
		fmt.Fprintf(out, "Connections were logged (%s) on this terminal only.\n", what)
	}
	if rerr := saveRecord(out, r, f.record, opts.noSave); rerr != nil && err == nil {
		err = rerr
	}
	return err
}

// saveRecord writes the meeting record and says where; when it cannot be
// written it prints the record here instead, so the meeting's results
// survive, and returns an error so serve exits non-zero.
func saveRecord(out io.Writer, r *room.Room, path string, noSave bool) error {
	if noSave && path == "" {
		fmt.Fprintln(out, "No meeting record was written (--no-save).")
		return nil
	}
	written, err := writeRecord(r, path)
	if err == nil {
		fmt.Fprintf(out, "The meeting record (revealed tallies, no names) is in %s.\n", written)
		return nil
	}
	fmt.Fprintf(out, "The meeting record could not be written: %v\nHere it is; copy it to keep it:\n\n", err)
	_ = r.WriteRecord(out)
	return errors.New("the meeting record was not saved (it is printed above)")
}

// runFacilitator runs the presenter on this terminal with the room around
// it, until the facilitator quits. With --profile the presentation is kept
// and taken up as present keeps it: the step, the items' revealed tallies
// and hands, the timer.
func runFacilitator(ctx context.Context, opts *options, pack *content.Pack, r *room.Room, to tui.Options) error {
	var store *progress.Store
	st := progress.New()
	if opts.profile != "" {
		var notice string
		var err error
		if store, st, notice, err = progress.Open(progress.Options{Pack: pack.Meta.ID, Profile: opts.profile, NoSave: opts.noSave}); err != nil {
			return err
		}
		to.Notice = notice
	}
	to.Progress, to.Store, to.Profile = st, store, opts.profile
	p := tea.NewProgram(tui.New(pack, to), tea.WithContext(ctx), tea.WithFPS(frameRate))
	sub := r.Drive()
	defer sub.Cancel()
	go tui.Relay(sub.C(), p)
	final, err := p.Run()
	if fm, ok := final.(tui.Model); ok {
		st = fm.Progress()
	}
	if errors.Is(err, tea.ErrProgramKilled) || errors.Is(err, context.Canceled) {
		err = nil
	}
	if errors.Is(err, tea.ErrProgramPanic) {
		err = fmt.Errorf("%w (the trace is in the server's log)", errCrashed)
	}
	if store != nil {
		if serr := store.Save(st); serr != nil && err == nil {
			err = fmt.Errorf("the presentation could not be kept under --profile %s: %w", opts.profile, serr)
		}
	}
	return err
}

// webURLs are the addresses members' browsers reach a web door listening
// on listen at, port being where it listens.
func webURLs(listen string, port int) []string {
	var out []string
	for _, h := range sshdoor.JoinHosts(listen) {
		if strings.Contains(h, ":") {
			h = "[" + h + "]"
		}
		out = append(out, fmt.Sprintf("http://%s:%d/", h, port))
	}
	return out
}

// printJoin says how to join a headless room.
func printJoin(w io.Writer, info tui.JoinInfo, facCode string, facKeys bool) {
	fmt.Fprintf(w, "The room is open. Members join with:\n\n")
	for _, h := range info.Hosts {
		fmt.Fprintf(w, "    %s\n", info.CommandFor(h))
	}
	for _, u := range info.Web {
		fmt.Fprintf(w, "    %s  (in a browser)\n", u)
	}
	fmt.Fprintf(w, "\nand the member code %s. The facilitator joins the same way with the code %s",
		room.FormatCode(info.Code), room.FormatCode(facCode))
	if facKeys {
		fmt.Fprint(w, " (or a key in --facilitator-key, with no code)")
	}
	fmt.Fprintf(w, ".\nThe server's host key is %s.\nctrl+c ends the meeting.\n", info.Fingerprint)
}

// serveLog is where connections and panics are logged: --log FILE (added
// to), else the terminal of a headless server, else serve.log in the
// state directory, replaced at each meeting (the presenter has the
// screen). closeLog closes the file it opened, never the terminal.
func serveLog(f serveFlags, stderr io.Writer) (w io.Writer, path string, closeLog func(), err error) {
	flags := os.O_WRONLY | os.O_CREATE | os.O_APPEND
	switch {
	case f.log != "":
		path = f.log
	case f.headless:
		return stderr, "", func() {}, nil
	default:
		dir := progress.Dir(progress.Options{})
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, "", nil, fmt.Errorf("the log's directory: %w", err)
		}
		path, flags = filepath.Join(dir, "serve.log"), os.O_WRONLY|os.O_CREATE|os.O_TRUNC
	}
	file, err := os.OpenFile(path, flags, 0o600)
	if err != nil {
		return nil, "", nil, fmt.Errorf("the server's log: %w", err)
	}
	return file, path, func() { _ = file.Close() }, nil
}

// writeRecord writes the meeting record to a new file: the one asked for,
// or a dated one in the state directory. Nothing is ever replaced.
func writeRecord(r *room.Room, path string) (string, error) {
	var b bytes.Buffer
	if err := r.WriteRecord(&b); err != nil {
		return "", err
	}
	if path != "" {
		return progress.WriteNew(path, b.Bytes(), false)
	}
	dir := filepath.Join(progress.Dir(progress.Options{}), "meetings")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	return progress.WriteNew(filepath.Join(dir, "meeting-"+time.Now().Format("2006-01-02-1504")+".md"), b.Bytes(), true)
}
