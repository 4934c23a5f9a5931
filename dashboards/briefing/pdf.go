package briefing

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// ChromiumPath is Debian's chromium, the only browser the PDF step uses.
const ChromiumPath = "/usr/bin/chromium"

// FindChromium returns the chromium binary: path when given, else
// /usr/bin/chromium, else chromium on PATH.
func FindChromium(path string) (string, error) {
	if path != "" {
		if _, err := os.Stat(path); err != nil {
			return "", fmt.Errorf("finding chromium at %s: %w", path, err)
		}
		return path, nil
	}
	if _, err := os.Stat(ChromiumPath); err == nil {
		return ChromiumPath, nil
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	return "", errors.New("finding chromium: not installed; install the Debian package (apt-get install chromium) or run make setup")
}

// Chromium runs headless Chromium once with extra arguments (--print-to-pdf,
// --screenshot, --dump-dom ...) on a file, with a fresh profile in a temporary
// directory and everything that would reach the network switched off, and
// returns its standard output.
func Chromium(ctx context.Context, chromium, file string, extra ...string) ([]byte, error) {
	profile, err := os.MkdirTemp("", "wardpulse-chromium-")
	if err != nil {
		return nil, fmt.Errorf("creating chromium profile directory: %w", err)
	}
	defer os.RemoveAll(profile)
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, fmt.Errorf("resolving %s: %w", file, err)
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--user-data-dir=" + profile}
	args = append(args, extra...)
	args = append(args, "file://"+abs)
	cmd := exec.CommandContext(ctx, chromium, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("running %s on %s: %w: %s", chromium, file, err, tail(errOut.String()))
	}
	return out.Bytes(), nil
}

// PDF prints an HTML file to a PDF, without the browser's header and footer.
func PDF(ctx context.Context, chromium, htmlPath, pdfPath string) error {
	abs, err := filepath.Abs(pdfPath)
	if err != nil {
		return fmt.Errorf("resolving %s: %w", pdfPath, err)
	}
	if _, err := Chromium(ctx, chromium, htmlPath, "--no-pdf-header-footer", "--print-to-pdf="+abs); err != nil {
		return fmt.Errorf("printing %s to PDF: %w", htmlPath, err)
	}
	if st, err := os.Stat(abs); err != nil || st.Size() == 0 {
		return fmt.Errorf("printing %s to PDF: chromium wrote no %s", htmlPath, abs)
	}
	return nil
}

func tail(s string) string {
	if len(s) > 2000 {
		return "..." + s[len(s)-2000:]
	}
	return s
}

// Write gathers the report, writes briefing.html and briefing.pdf into dir
// and returns their paths.
func Write(ctx context.Context, src Source, from, to time.Time, dir, chromium string) (htmlPath, pdfPath string, err error) {
	r, err := Gather(ctx, src, from, to)
	if err != nil {
		return "", "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", fmt.Errorf("creating %s: %w", dir, err)
	}
	var b bytes.Buffer
	if err := r.HTML(&b); err != nil {
		return "", "", err
	}
	htmlPath = filepath.Join(dir, "briefing.html")
	if err := os.WriteFile(htmlPath, b.Bytes(), 0o644); err != nil {
		return "", "", fmt.Errorf("writing %s: %w", htmlPath, err)
	}
	pdfPath = filepath.Join(dir, "briefing.pdf")
	if err := PDF(ctx, chromium, htmlPath, pdfPath); err != nil {
		return htmlPath, "", err
	}
	return htmlPath, pdfPath, nil
}
