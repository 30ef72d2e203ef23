package io.github.ndfilters.ij1;

import ij.VirtualStack;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

/**
 * A virtual stack of blank 8-bit planes that makes each plane when asked,
 * so it can be longer than any memory: a test of memory checks that
 * allocates one plane.
 */
public final class EndlessStack extends VirtualStack
{
	private final int planes;

	public EndlessStack( final int width, final int height, final int planes )
	{
		super( width, height );
		this.planes = planes;
	}

	@Override
	public int getSize()
	{
		return planes;
	}

	@Override
	public int size()
	{
		return planes;
	}

	@Override
	public ImageProcessor getProcessor( final int n )
	{
		return new ByteProcessor( getWidth(), getHeight() );
	}

	@Override
	public Object getPixels( final int n )
	{
		return getProcessor( n ).getPixels();
	}

	@Override
	public int getBitDepth()
	{
		return 8;
	}

	@Override
	public String getSliceLabel( final int n )
	{
		return null;
	}
}
