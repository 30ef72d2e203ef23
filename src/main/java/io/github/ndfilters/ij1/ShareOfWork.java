package io.github.ndfilters.ij1;

import io.github.ndfilters.core.FilterMonitor;

/**
 * Passes one part of a longer job to a monitor: progress of the part, from 0
 * to 1, becomes progress of the whole job.
 */
final class ShareOfWork extends ForwardingMonitor
{
	private final double start;

	private final double share;

	/**
	 * @param part
	 *            which part this is, from 0
	 * @param parts
	 *            how many equal parts the job has
	 */
	ShareOfWork( final FilterMonitor whole, final int part, final int parts )
	{
		super( whole );
		this.start = part / ( double ) parts;
		this.share = 1.0 / parts;
	}

	@Override
	public void progress( final double fraction )
	{
		inner.progress( start + share * fraction );
	}
}
