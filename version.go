package main

import (
	"regexp"
	"runtime/debug"
	"strings"
	"time"
)

// Release builds set these with -ldflags (see .goreleaser.yaml):
//
//	-X main.version=0.2.0 -X main.commit=<full hash> -X main.date=<RFC 3339>
//
// Left empty, as by `go build` or `go install` in a clone, they are read from
// the version-control stamp Go embeds in the binary.
var (
	version string
	commit  string
	date    string
)

// build says which build of studyguide this is: what --version prints, so a
// bug report names the exact build.
type build struct {
	// Version is the release ("0.2.0"), a tag a clone was built at, or
	// "devel" between releases.
	Version string
	// Commit is the full commit hash, or "" when unknown (go run).
	Commit string
	// Date is when it was built (a release) or when its commit was made (a
	// clone: Go records no build time); the zero time when unknown.
	Date time.Time
	// Built is true when Date is the build time rather than the commit time.
	Built bool
	// Modified is true for a clone built with uncommitted changes.
	Modified bool
}

// thisBuild is the running binary's build.
func thisBuild() build {
	info, _ := debug.ReadBuildInfo()
	return buildOf(version, commit, date, info)
}

// pseudoVersion matches the version Go gives an untagged commit
// (v0.0.0-20261125140052-4e56f6534fb7): its commit and date are shown
// on their own, so it says nothing more than "devel".
var pseudoVersion = regexp.MustCompile(`\d{14}-[0-9a-f]{12}$`)

// buildOf is the build described by the link-time values (a release) and,
// for what they leave empty, by Go's build information (a clone); info may
// be nil.
func buildOf(version, commit, date string, info *debug.BuildInfo) build {
	b := build{Version: strings.TrimPrefix(version, "v"), Commit: commit}
	if t, err := time.Parse(time.RFC3339, date); err == nil {
		b.Date, b.Built = t, true
	}
	if info != nil {
		vcs := map[string]string{}
		for _, s := range info.Settings {
			vcs[s.Key] = s.Value
		}
		if b.Version == "" {
			v := strings.TrimSuffix(info.Main.Version, "+dirty")
			if v != "" && v != "(devel)" && !pseudoVersion.MatchString(v) {
				b.Version = strings.TrimPrefix(v, "v")
			}
		}
		if b.Commit == "" {
			b.Commit = vcs["vcs.revision"]
			b.Modified = vcs["vcs.modified"] == "true"
		}
		if b.Date.IsZero() {
			b.Date, _ = time.Parse(time.RFC3339, vcs["vcs.time"])
		}
	}
	if b.Version == "" {
		b.Version = "devel"
	}
	return b
}

// versionLine is the version as --version shows it, before the short commit
// fang adds in brackets: "0.2.0, built 2026-11-30" for a release,
// "devel+dirty, committed 2026-11-25" for a clone with local changes.
func (b build) versionLine() string {
	s := b.Version
	if b.Modified {
		s += "+dirty"
	}
	switch {
	case b.Date.IsZero():
	case b.Built:
		s += ", built " + b.Date.UTC().Format(time.DateOnly)
	default:
		s += ", committed " + b.Date.UTC().Format(time.DateOnly)
	}
	return s
}
