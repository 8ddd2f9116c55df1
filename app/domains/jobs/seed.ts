// Demo content for a new machine: the legacy job types and categories and a handful of
// approved postings, so /jobs/ and its feed look real. Idempotent: types and categories
// are keyed by slug, jobs by title and company.
import type { JobsService } from "./service.ts";

export const DEMO_JOB_TYPES = [
  ["Full Time", "full-time"],
  ["Part Time", "part-time"],
  ["Contract", "contract"],
  ["Freelance", "freelance"],
  ["Internship", "internship"],
  ["Remote", "remote"],
] as const;

export const DEMO_JOB_CATEGORIES = [
  ["Web Development", "web-development"],
  ["Data Science", "data-science"],
  ["Systems / Administration", "systems-administration"],
  ["Software Engineering", "software-engineering"],
  ["Education", "education"],
] as const;

interface DemoJob {
  jobTitle: string;
  companyName: string;
  category: string;
  types: string[];
  city: string;
  region: string;
  country: string;
  telecommuting: boolean;
  description: string;
  requirements: string;
  companyDescription: string;
}

export const DEMO_JOBS: DemoJob[] = [
  {
    jobTitle: "Senior Backend Engineer (Python)",
    companyName: "Northwind Analytics",
    category: "software-engineering",
    types: ["full-time"],
    city: "Berlin",
    region: "",
    country: "Germany",
    telecommuting: true,
    description: "Build and run the **data ingestion services** behind our analytics product.\n\n- Design APIs with FastAPI\n- Own services from design to production",
    requirements: "- 5+ years of Python\n- PostgreSQL and message queues\n- Comfortable with on-call in a small team",
    companyDescription: "Northwind Analytics helps retailers understand their supply chains.",
  },
  {
    jobTitle: "Django Developer",
    companyName: "Harbor Health",
    category: "web-development",
    types: ["full-time", "remote"],
    city: "Boston",
    region: "MA",
    country: "USA",
    telecommuting: true,
    description: "Join the team building our patient portal on **Django** and HTMX.",
    requirements: "- Django and the ORM\n- Writing tests first\n- Accessibility matters to you",
    companyDescription: "Harbor Health runs clinics across New England.",
  },
  {
    jobTitle: "Data Scientist, Forecasting",
    companyName: "Tidewater Energy",
    category: "data-science",
    types: ["full-time"],
    city: "Amsterdam",
    region: "",
    country: "Netherlands",
    telecommuting: false,
    description: "Forecast demand on the grid with pandas, scikit-learn and a lot of domain knowledge.",
    requirements: "- Time series modelling\n- pandas, NumPy, scikit-learn\n- Clear writing",
    companyDescription: "Tidewater Energy balances renewable supply across Europe.",
  },
  {
    jobTitle: "Python Instructor",
    companyName: "Code Commons",
    category: "education",
    types: ["part-time", "contract"],
    city: "Toronto",
    region: "ON",
    country: "Canada",
    telecommuting: false,
    description: "Teach evening classes introducing adults to programming with Python.",
    requirements: "- Teaching experience\n- Patience and good humour",
    companyDescription: "Code Commons is a non-profit coding school.",
  },
  {
    jobTitle: "Site Reliability Engineer",
    companyName: "Lumen Cloud",
    category: "systems-administration",
    types: ["full-time"],
    city: "Singapore",
    region: "",
    country: "Singapore",
    telecommuting: true,
    description: "Automate our fleet with Python tooling, Terraform and Kubernetes.",
    requirements: "- Linux internals\n- Python automation\n- Incident response",
    companyDescription: "Lumen Cloud hosts applications for Asia-Pacific startups.",
  },
  {
    jobTitle: "Scientific Software Developer",
    companyName: "Institut für Klimaforschung",
    category: "data-science",
    types: ["contract"],
    city: "Zürich",
    region: "ZH",
    country: "Switzerland",
    telecommuting: false,
    description: "Maintain the open-source climate model toolkit used by researchers worldwide.",
    requirements: "- NumPy and xarray\n- Packaging and CI\n- Open-source experience",
    companyDescription: "A research institute studying regional climate.",
  },
];

/** Adds the demo types, categories and approved jobs that are missing; returns how many were added. */
export async function seedJobsDemo(jobs: JobsService): Promise<{ jobTypes: number; jobCategories: number; jobs: number }> {
  const added = { jobTypes: 0, jobCategories: 0, jobs: 0 };
  const ids = { type: new Map<string, number>(), category: new Map<string, number>() };
  for (const [kind, rows, counter] of [
    ["type", DEMO_JOB_TYPES, "jobTypes"],
    ["category", DEMO_JOB_CATEGORIES, "jobCategories"],
  ] as const) {
    const existing = (await jobs.searchTaxonomy({ kind, orderBy: { field: "id", direction: "asc" }, offset: 0, limit: 1000 })).items;
    for (const [name, slug] of rows) {
      const found = existing.find((row) => row.slug === slug) ?? (await jobs.saveTaxonomy({ kind, input: { name, slug, active: true } }));
      if (!existing.includes(found)) added[counter] += 1;
      ids[kind].set(slug, found.id);
    }
  }
  const titles = new Set(
    (await jobs.searchJobs({ orderBy: { field: "id", direction: "asc" }, offset: 0, limit: 10_000 })).items.map((job) => `${job.jobTitle}|${job.companyName}`),
  );
  for (const demo of DEMO_JOBS) {
    if (titles.has(`${demo.jobTitle}|${demo.companyName}`)) continue;
    await jobs.saveJobAsAdmin({
      actor: "system",
      input: {
        ...demo,
        categoryId: ids.category.get(demo.category),
        jobTypeIds: demo.types.map((slug) => ids.type.get(slug)),
        contact: "Hiring team",
        email: `jobs@${demo.companyName.toLowerCase().replace(/[^a-z]+/g, "")}.example`,
        url: `https://${demo.companyName.toLowerCase().replace(/[^a-z]+/g, "")}.example/careers`,
        agencies: false,
        status: "approved",
        isFeatured: false,
        expires: new Date(jobs.now().getTime() + 60 * 24 * 60 * 60 * 1000),
      },
    });
    added.jobs += 1;
  }
  return added;
}
