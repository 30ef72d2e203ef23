package io.github.ndfilters.ij1;

import io.github.ndfilters.core.FilterMonitor;

/**
 * A monitor that passes everything on to another one; a subclass overrides
 * only what it adds, such as progress scaled to a part of a longer job.
 */
abstract class ForwardingMonitor implements FilterMonitor
{
	/** Receives whatever the subclass does not override. */
	final FilterMonitor inner;

	ForwardingMonitor( final FilterMonitor inner )
	{
		this.inner = inner;
	}

	@Override
	public void progress( final double fraction )
	{
		inner.progress( fraction );
	}

	@Override
	public boolean isCanceled()
	{
		return inner.isCanceled();
	}

	@Override
	public void warn( final String message )
	{
		inner.warn( message );
	}

	@Override
	public void floatRowStored( final float[] values, final int from, final int length )
	{
		inner.floatRowStored( values, from, length );
	}
}
