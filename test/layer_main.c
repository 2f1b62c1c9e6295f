/* layer_main.c - the program each layer check links: a layer's library
 * whole, and only the layers it may use (meson.build's layer_below). Any
 * call into another layer is then an undefined symbol: the build fails. */
int main(void)
{
	return 0;
}
