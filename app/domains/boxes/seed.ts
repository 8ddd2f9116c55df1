// Demo boxes for a new machine, written for this project: the home page widgets and the
// supernav panels. Idempotent: boxes are keyed by label.
import type { BoxInput } from "./schemas.ts";
import type { BoxesService } from "./service.ts";

const markdown = (label: string, content: string): BoxInput => ({ label, content, contentMarkupType: "markdown" });
const html = (label: string, content: string): BoxInput => ({ label, content, contentMarkupType: "html" });

export const DEMO_BOXES: BoxInput[] = [
  markdown("homepage-introduction", "Python is a programming language that lets you work quickly and integrate systems more effectively. [Learn More](/doc/)"),
  html(
    "homepage-get-started",
    `<h2 class="widget-title">Get Started</h2>
<p>Whether you're new to programming or an experienced developer, it's easy to learn and use Python.</p>
<p><a href="/about/gettingstarted/">Start with our Beginner’s Guide</a></p>`,
  ),
  html(
    "homepage-downloads",
    `<h2 class="widget-title">Download</h2>
<p>Python source code and installers are available for download for all versions!</p>
<p>Latest: <a href="/downloads/release/python-3140/">Python 3.14.0</a></p>`,
  ),
  html(
    "homepage-documentation",
    `<h2 class="widget-title">Docs</h2>
<p>Documentation for Python's standard library, along with tutorials and guides, are available online.</p>
<p><a href="https://docs.python.org">docs.python.org</a></p>`,
  ),
  html(
    "homepage-jobs",
    `<h2 class="widget-title">Jobs</h2>
<p>Looking for work or have a Python related position that you're trying to hire for? Our <strong>community-run job board</strong> is the place to go.</p>
<p><a href="/jobs/">jobs.python.org</a></p>`,
  ),
  html(
    "widget-use-python-for",
    `<h2 class="widget-title">Use Python for…</h2>
<ul class="menu">
<li><strong>Web Development</strong>: <span class="tag">Django</span> <span class="tag">Flask</span> <span class="tag">FastAPI</span> <span class="tag">Pyramid</span></li>
<li><strong>GUI Development</strong>: <span class="tag">tkInter</span> <span class="tag">PyQt</span> <span class="tag">Kivy</span> <span class="tag">wxPython</span></li>
<li><strong>Scientific and Numeric</strong>: <span class="tag">SciPy</span> <span class="tag">pandas</span> <span class="tag">NumPy</span> <span class="tag">Jupyter</span></li>
<li><strong>Software Development</strong>: <span class="tag">pytest</span> <span class="tag">Buildbot</span> <span class="tag">Roundup</span></li>
<li><strong>System Administration</strong>: <span class="tag">Ansible</span> <span class="tag">Salt</span> <span class="tag">OpenStack</span></li>
</ul>
<p><a href="/about/apps/">More applications</a></p>`,
  ),
  html(
    "widget-about-psf",
    `<h2 class="widget-title">Python Software Foundation</h2>
<p>The mission of the Python Software Foundation is to promote, protect, and advance the Python programming language, and to support and facilitate the growth of a diverse and international community of Python programmers.</p>
<p><a href="/psf/">Learn more</a></p>
<p><a class="button" href="/users/membership/">Become a Member</a> <a class="button" href="https://donate.python.org/">Donate to the PSF</a></p>`,
  ),
  html(
    "widget-sidebar-aboutpsf",
    `<h2 class="widget-title">The PSF</h2>
<p>The Python Software Foundation is the organization behind Python. Become a member of the PSF and help advance the software and our mission.</p>`,
  ),
  html(
    "supernav-python-about",
    `<h4>Python is a programming language that lets you work more quickly and integrate your systems more effectively.</h4>
<p>You can learn to use Python and see almost immediate gains in productivity and lower maintenance costs. <a href="/about/">Learn more about Python</a>.</p>`,
  ),
  html(
    "supernav-python-downloads",
    `<div class="download-os-source">
<h4>Download for any operating system</h4>
<p><a class="button" href="/downloads/release/python-3140/">Python 3.14.0</a></p>
<p>Not the OS you are looking for? Python can be used on many operating systems and environments. <a href="/downloads/operating-systems/">View the full list of downloads</a>.</p>
</div>`,
  ),
  html(
    "supernav-python-documentation",
    `<h4>Docs for every release</h4>
<p>The official Python documentation covers the language, the standard library, tutorials and how-to guides.</p>
<p><a class="button" href="https://docs.python.org">Python Docs</a></p>`,
  ),
  html(
    "supernav-python-community",
    `<h4>Join the community</h4>
<p>Python's community is vast and diverse: user groups, conferences, mailing lists and forums welcome everyone. <a href="/community/">Find your place in it</a>.</p>`,
  ),
  html(
    "supernav-python-success-stories",
    `<h4>Python in the real world</h4>
<blockquote>Python lets our small team ship reliable tools to scientists all over the world.</blockquote>
<p><a href="/success-stories/">Read more success stories</a></p>`,
  ),
  html(
    "supernav-python-events",
    `<h4>Find events from the Python community around the world.</h4>
<p>Conferences, sprints and user group meetings, every week. <a href="/events/">See upcoming events</a>.</p>`,
  ),
];

/** Writes every demo box (idempotent) and returns how many there are. */
export async function seedBoxesDemo(boxes: Pick<BoxesService, "saveBox">): Promise<{ boxes: number }> {
  for (const box of DEMO_BOXES) await boxes.saveBox({ input: box });
  return { boxes: DEMO_BOXES.length };
}
