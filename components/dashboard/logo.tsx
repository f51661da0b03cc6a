/** The app's mark: the same drawing as app/icon.svg, the favicon. */
export function Logo({ className = "" }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 32 32" className={className}>
      <rect width="32" height="32" rx="7" fill="#0f172a" />
      <rect x="6" y="9" width="20" height="14" rx="2.5" fill="none" stroke="#fbbf24" strokeWidth="2.5" />
      <path d="M6 14h20" stroke="#fbbf24" strokeWidth="2.5" />
      <path d="M10 19h5" stroke="#f8fafc" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
